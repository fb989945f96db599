package kz.hattama.form;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a form definition; the form is data so that another election's protocol needs no code change. */
public final class FormLoader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private FormLoader() {
    }

    /** The form shipped with Hattama, in the repository and, at the same path, on the jar's classpath. */
    private static final String BUILT_IN_NAME = "batch-config/form-mazhilis-2021-pec.json";
    /** The form shipped with Hattama; the jar carries a copy, so it runs from any folder. */
    public static final Path BUILT_IN = Path.of(BUILT_IN_NAME);

    /**
     * The form in a file or, for the built-in form's path when no such file is at hand (the jar
     * run from another folder), the jar's copy of it.
     */
    public static FormDefinition loadOrBuiltIn(Path file) {
        return loadOrBuiltIn(file, Path.of(""));
    }

    /** As {@link #loadOrBuiltIn(Path)}, a relative path taken from {@code workingDir}. */
    static FormDefinition loadOrBuiltIn(Path file, Path workingDir) {
        Path resolved = workingDir.resolve(file);
        if (Files.exists(resolved) || !file.equals(BUILT_IN)) {
            if (!Files.isRegularFile(resolved)) {
                throw new IllegalArgumentException("The form definition " + resolved.toAbsolutePath()
                        + " (HATTAMA_FORM) does not exist or is not a file.");
            }
            return load(resolved);
        }
        InputStream in = FormLoader.class.getResourceAsStream("/" + BUILT_IN_NAME);
        if (in == null) {
            throw new IllegalStateException("the built-in form is not on the classpath: " + BUILT_IN_NAME);
        }
        return read(in, "built-in " + BUILT_IN_NAME);
    }

    public static FormDefinition load(Path file) {
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form definition " + file, e);
        }
    }

    private static FormDefinition read(InputStream stream, String source) {
        try (InputStream in = stream) {
            return validate(JSON.readValue(in, FormDefinition.class), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form definition " + source, e);
        }
    }

    private static FormDefinition validate(FormDefinition form, String source) {
        for (CheckDef check : form.checks()) {
            for (String key : check.terms()) {
                if (!form.keys().contains(key)) {
                    throw new IllegalArgumentException(source + ": check " + check.id() + " names unknown field " + key);
                }
            }
            check.holds(0, 0);
        }
        return form;
    }

}
