package kz.hattama.web;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.upload.UploadError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Everything the interface says, in the request's language (messages*.properties). Stored codes (rejections,
 * statuses, check ids, review reason codes) stay stable in the database and the export; only their wording is translated.
 */
@Component
@ConditionalOnWebApplication
public class Texts {

    private final MessageSource messages;
    private final FormDefinition form;
    private final int maxFileMb;
    /** Every key, from the base bundle (English): each language's bundle has the same keys. */
    private final List<String> keys;

    public Texts(MessageSource messages, FormDefinition form, HattamaProperties props) throws IOException {
        this.messages = messages;
        this.form = form;
        this.maxFileMb = props.maxFileMb();
        Properties base = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource("messages.properties").getInputStream(), StandardCharsets.UTF_8)) {
            base.load(in);
        }
        this.keys = base.stringPropertyNames().stream().sorted().toList();
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** In a language other than the current one: a security filter answers before the request's language is set. */
    public String in(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public String status(ProtocolStatus s) {
        return get("status." + s.name());
    }

    public String progress(FileProgress p) {
        return get("progress." + p.name());
    }

    /** {@code duplicateOf} names the earlier upload for DUPLICATE; null where the reader may not know it. */
    public String rejection(RejectionCode code, String duplicateOf) {
        return switch (code) {
            case TOO_LARGE -> get("rejection.TOO_LARGE", maxFileMb);
            case DUPLICATE -> duplicateOf == null ? get("rejection.DUPLICATE_UNNAMED") : get("rejection.DUPLICATE", duplicateOf);
            default -> get("rejection." + code.name());
        };
    }

    public String uploadError(UploadError e, long limit) {
        return get("upload.error." + e.name(), limit, maxFileMb);
    }

    /** A check's rule in words: the form's own checks are worded in the form, the others (words_match) here. */
    public String check(String id) {
        return form.checkLabel(id, LocaleContextHolder.getLocale().getLanguage()).orElseGet(() -> get("check." + id));
    }

    /** A check's name for a table of check ids: its rule in words, or the id where nothing words it. */
    public String checkName(String id) {
        String name = check(id);
        return name.equals("check." + id) ? id : name;
    }

    /** A flag's name for a table of flag ids, or the id where nothing names it. */
    public String flagName(String id) {
        String name = flag(id);
        return name.equals("flag." + id) ? id : name;
    }

    /** A flag's name: the form's own flags are named in the form, the dataset's (precinct_unsure) here. */
    public String flag(String id) {
        return form.flagLabel(id, LocaleContextHolder.getLocale().getLanguage()).orElseGet(() -> get("flag." + id));
    }

    /** A field's printed label in the interface language where the form has it, else in the protocol's. */
    public String fieldLabel(String key, String protocolLang) {
        FieldDef f = form.field(key);
        String ui = LocaleContextHolder.getLocale().getLanguage();
        String label = f.label().get(ui);
        if (label == null) {
            label = f.label().getOrDefault(protocolLang == null ? "ru" : protocolLang, f.label().get("ru"));
        }
        return label;
    }

    /** Why a figure needs review, in the interface language: each reason's wording with its arguments. */
    public String reason(List<ReviewReason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (ReviewReason r : reasons) {
            // A check's id is a code too: the reviewer reads its label.
            Object[] args = r.args().stream()
                    .map(a -> r.code() == ReviewReason.Code.FAILED_CHECK ? check(a) : a).toArray();
            out.add(get(r.code().messageKey(), args));
        }
        return String.join("; ", out);
    }

    /** The messages the pages' scripts show, keys without their "js." prefix. */
    public Map<String, String> forScripts(String... prefixes) {
        Map<String, String> out = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (String prefix : prefixes) {
            for (String key : keys) {
                if (!key.startsWith(prefix)) {
                    continue;
                }
                out.put(key, messages.getMessage(key, null, key, locale));
            }
        }
        return out;
    }
}
