package kz.hattama.form;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<String> keys = form.keys();
        for (CheckDef check : form.checks()) {
            if (check.isRelation()) {
                for (String key : check.terms()) {
                    known(keys, key, source, "check " + check.id());
                }
                check.holds(0, 0);
            } else if (!CheckDef.SIDES.equals(check.kind()) && !CheckDef.SIGNATURES.equals(check.kind())) {
                throw new IllegalArgumentException(source + ": check " + check.id() + " is of kind " + check.kind()
                        + ", not " + CheckDef.RELATION + ", " + CheckDef.SIDES + " or " + CheckDef.SIGNATURES);
            }
            labelled(check.label(), source, "check " + check.id());
        }
        if (form.checkOfKind(CheckDef.SIGNATURES).isPresent() && form.layout() != null
                && form.layout().signatures() == null) {
            throw new IllegalArgumentException(source + ": a check asks for signatures, but no side has a signature block");
        }
        if (form.layout() != null && form.layout().sides() != null) {
            for (int i = 1; i < form.layout().sides().size(); i++) {
                if (form.layout().sides().get(i).head() == null) {
                    throw new IllegalArgumentException(source + ": side " + (i + 1) + " has no running head: "
                            + "nothing would tell its page from another form's");
                }
            }
        }
        LayoutDef.Signatures signatures = form.layout() == null ? null : form.layout().signatures();
        if (signatures != null) {
            for (String role : signatures.lines()) {
                if (!signatures.roles().containsKey(role)) {
                    throw new IllegalArgumentException(source + ": the signature block names role " + role + " without a name");
                }
            }
            if (!signatures.lines().containsAll(signatures.required())) {
                throw new IllegalArgumentException(source + ": a required signature has no line");
            }
        }
        for (FlagDef flag : form.flags()) {
            known(keys, flag.numerator(), source, "flag " + flag.id());
            known(keys, flag.denominator(), source, "flag " + flag.id());
            labelled(flag.label(), source, "flag " + flag.id());
            if (flag.detail() == null) {
                throw new IllegalArgumentException(source + ": flag " + flag.id() + " has no detail");
            }
            if (flag.role() != null && !FlagDef.TURNOUT.equals(flag.role())) {
                throw new IllegalArgumentException(source + ": flag " + flag.id() + " has the role " + flag.role()
                        + "; the only role is " + FlagDef.TURNOUT);
            }
        }
        if (form.layout() == null || form.layout().sides() == null || form.layout().sides().isEmpty()) {
            throw new IllegalArgumentException(source + ": the form has no layout");
        }
        Set<String> laidOut = new HashSet<>();
        for (LayoutDef.Block block : form.layout().blocks()) {
            if (!LayoutDef.LINES.equals(block.kind()) && !LayoutDef.TABLE.equals(block.kind())) {
                throw new IllegalArgumentException(source + ": a layout block is a " + block.kind() + ", not "
                        + LayoutDef.LINES + " or " + LayoutDef.TABLE);
            }
            for (String key : block.fields()) {
                known(keys, key, source, "the layout");
                if (!laidOut.add(key)) {
                    throw new IllegalArgumentException(source + ": the layout places " + key + " twice");
                }
            }
        }
        if (!laidOut.containsAll(keys)) {
            throw new IllegalArgumentException(source + ": the layout does not place "
                    + keys.stream().filter(k -> !laidOut.contains(k)).toList());
        }
        // A results table's column must name one figure, or an import would file it under whichever came first.
        Map<String, String> headings = new java.util.HashMap<>();
        for (FieldDef field : form.fields()) {
            for (String heading : new java.util.LinkedHashSet<>(field.headings().stream().map(FormDefinition::headingKey)
                    .filter(h -> !h.isEmpty()).toList())) {
                String other = headings.putIfAbsent(heading, field.key());
                if (other != null) {
                    throw new IllegalArgumentException(source + ": the column heading \"" + heading + "\" names both "
                            + other + " and " + field.key());
                }
            }
        }
        if (form.maxValue() <= 0) {
            throw new IllegalArgumentException(source + ": maxValue must be positive");
        }
        return form;
    }

    private static void known(List<String> keys, String key, String source, String where) {
        if (!keys.contains(key)) {
            throw new IllegalArgumentException(source + ": " + where + " names unknown field " + key);
        }
    }

    /** The interface falls back to the default language's label, so every label must have it. */
    private static void labelled(Map<String, String> label, String source, String what) {
        if (label == null || !label.containsKey(FormDefinition.DEFAULT_LABEL_LANGUAGE)) {
            throw new IllegalArgumentException(source + ": " + what + " has no label in "
                    + FormDefinition.DEFAULT_LABEL_LANGUAGE);
        }
    }
}
