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

    public static FormDefinition load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return validate(JSON.readValue(in, FormDefinition.class), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form definition " + file, e);
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
