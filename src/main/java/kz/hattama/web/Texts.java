package kz.hattama.web;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the interface says, in the request's language (messages*.properties). Stored codes (rejections,
 * statuses, check ids, review reasons) stay stable in the database and the export; only their wording is translated.
 */
@Component
@ConditionalOnWebApplication
public class Texts {

    /** The reasons {@code Reconciler} writes, one per "; "-separated part, and their message keys. */
    private static final List<Map.Entry<Pattern, String>> REASONS = List.of(
            Map.entry(Pattern.compile("unreadable zone|not read"), "reason.unreadable"),
            Map.entry(Pattern.compile("digits unreadable"), "reason.digits_unreadable"),
            Map.entry(Pattern.compile("words unreadable"), "reason.words_unreadable"),
            Map.entry(Pattern.compile("digits ≠ words"), "reason.disagree"),
            Map.entry(Pattern.compile("low confidence \\(digits ([0-9.]+), words ([0-9.]+)\\)"), "reason.low_confidence"),
            Map.entry(Pattern.compile("low confidence \\(digits ([0-9.]+), words ([0-9.]+), words check ([0-9.]+)\\)"),
                    "reason.low_confidence_checked"),
            Map.entry(Pattern.compile("words check ([0-9.]+) below the bar of a figure only inequalities check"),
                    "reason.weak_words_check"),
            Map.entry(Pattern.compile("label not found next to the zone"), "reason.not_anchored"),
            Map.entry(Pattern.compile("chosen from alternatives to fit the checks"), "reason.fit_checks"),
            Map.entry(Pattern.compile("failed check (\\w+)"), "reason.failed_check"),
            Map.entry(Pattern.compile("precinct not read"), "reason.precinct_unread"),
            Map.entry(Pattern.compile("precinct readings disagree: (.+)"), "reason.precinct_disagree"),
            Map.entry(Pattern.compile("precinct not read by (.+)"), "reason.precinct_blind"),
            Map.entry(Pattern.compile("precinct read too few times \\((\\d+)\\)"), "reason.precinct_few"),
            Map.entry(Pattern.compile("precinct number not found beside the form's words"), "reason.precinct_unanchored"),
            Map.entry(Pattern.compile("implausible precinct number (.+)"), "reason.precinct_implausible"),
            Map.entry(Pattern.compile("precinct low confidence \\(([0-9.]+)\\)"), "reason.precinct_low_confidence"),
            Map.entry(Pattern.compile("ink beside the precinct number"), "reason.precinct_ink"),
            Map.entry(Pattern.compile("precinct read before it was checked"), "reason.precinct_unchecked"));

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

    /** The reviewer-facing reason in the interface language; parts it does not know are shown as stored. */
    public String reason(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : stored.split(";\\s*")) {
            out.add(reasonPart(part.strip()));
        }
        return String.join("; ", out);
    }

    private String reasonPart(String part) {
        for (Map.Entry<Pattern, String> r : REASONS) {
            Matcher m = r.getKey().matcher(part);
            if (m.matches()) {
                if (r.getValue().equals("reason.failed_check")) {
                    return get(r.getValue(), check(m.group(1)));
                }
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return get(r.getValue(), args);
            }
        }
        return part;
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
