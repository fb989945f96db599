package kz.hattama.bot;

import kz.hattama.form.CheckDef;
import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.Lang;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.store.StoredProtocol;
import kz.hattama.store.UploadStore;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the bot says, in the observer's language (ru or kk): the keys {@code bot.*} of messages*.properties. */
@Component
public class BotTexts {

    /** The languages the bot replies in; any other language code gets Russian. */
    public static final List<String> LANGUAGES = List.of("ru", "kk");

    private final MessageSource messages;
    private final FormDefinition form;

    public BotTexts(MessageSource messages, FormDefinition form) {
        this.messages = messages;
        this.form = form;
    }

    public static String languageOf(String code) {
        return code != null && LANGUAGES.contains(code.toLowerCase(Locale.ROOT)) ? code.toLowerCase(Locale.ROOT) : "ru";
    }

    public String get(String language, String key, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(language));
    }

    /**
     * What is known of a protocol's precinct beyond the protocol itself.
     *
     * @param official    whether the number is on the imported official list; null when no list is imported
     * @param othersAgree whether the figures of the same precinct sent by other observers agree with these; null when
     *                    no other observer sent it
     */
    public record PrecinctFacts(Boolean official, Boolean othersAgree) {
        public static final PrecinctFacts NONE = new PrecinctFacts(null, null);
    }

    /** The reply to one upload read to the end: one paragraph per protocol or rejected file. */
    public String reply(String language, UploadStore.BatchFiles batch, java.util.function.LongFunction<Optional<StoredProtocol>> protocols) {
        return reply(language, batch, protocols, p -> PrecinctFacts.NONE);
    }

    public String reply(String language, UploadStore.BatchFiles batch, java.util.function.LongFunction<Optional<StoredProtocol>> protocols,
                        java.util.function.Function<StoredProtocol, PrecinctFacts> facts) {
        List<String> parts = new ArrayList<>();
        // Two sides in one upload (an album) are one protocol, which each side's file lists: it is told once.
        java.util.Set<Long> told = new java.util.HashSet<>();
        for (UploadStore.UploadedFile file : batch.files()) {
            for (UploadStore.Outcome o : file.outcomes()) {
                if (o.protocolId() != null && !told.add(o.protocolId())) {
                    continue;
                }
                if (o.status() == ProtocolStatus.REJECTED) {
                    parts.add(rejected(language, o.rejection()));
                } else {
                    protocols.apply(o.protocolId()).ifPresent(p -> parts.add(protocol(language, p, facts.apply(p))));
                }
            }
            if (file.outcomes().isEmpty()) {
                parts.add(get(language, "bot.not_read"));
            }
        }
        return String.join("\n\n", parts);
    }

    private String rejected(String language, RejectionCode code) {
        if (code == RejectionCode.DUPLICATE) {
            return get(language, "bot.already_received");
        }
        if (code == RejectionCode.NOT_A_PROTOCOL || code == RejectionCode.UNREADABLE) {
            return get(language, "bot.do." + code.name());
        }
        return get(language, "rejection." + (code == null ? RejectionCode.INTERNAL_ERROR : code).name());
    }

    /** The precinct, the figures as read (unsure ones marked), each failed check with its arithmetic, what to do. */
    String protocol(String language, StoredProtocol p) {
        return protocol(language, p, PrecinctFacts.NONE);
    }

    /** The same, with whether the precinct is on the official list and whether other observers' figures agree. */
    public String protocol(String language, StoredProtocol p, PrecinctFacts facts) {
        Lang lang = Lang.of(language);
        StringBuilder out = new StringBuilder();
        out.append(p.surePrecinct() != null ? get(language, "bot.precinct", p.precinct())
                : p.precinct() != null ? get(language, "bot.precinct_unsure", p.precinct())
                : get(language, "bot.precinct_unread"));
        if (p.precinct() != null && facts.official() != null) {
            out.append('\n').append(get(language, facts.official() ? "bot.precinct_official" : "bot.precinct_not_official",
                    p.precinct()));
        }
        if (p.precinct() != null && facts.othersAgree() != null) {
            // Whether they agree, never what the other observer's figures are.
            out.append('\n').append(get(language, facts.othersAgree() ? "bot.others_agree" : "bot.others_differ", p.precinct()));
        }
        out.append('\n').append(get(language, "bot.figures"));
        for (FieldResult f : p.fields()) {
            FieldDef def = form.field(f.key());
            String label = def == null ? f.key() : Optional.ofNullable(def.shortName()).orElse(def.label(lang));
            String value = f.value() == null ? "—" : f.value().toString();
            boolean unsure = f.status() == FieldStatus.NEEDS_REVIEW;
            out.append('\n').append(unsure ? "❓ " : "• ").append(label).append(": ").append(value);
        }
        List<String> todo = new ArrayList<>();
        for (CheckResult c : p.checks()) {
            if (c.passed()) {
                continue;
            }
            Optional<String> kind = form.checks().stream().filter(d -> d.id().equals(c.id())).map(CheckDef::kind).findFirst()
                    .filter(k -> k != null);
            if (kind.filter(CheckDef.SIDES::equals).isPresent()) {
                todo.add(get(language, "bot.do.side_missing"));
            } else if (kind.filter(CheckDef.SIGNATURES::equals).isPresent()) {
                todo.add(get(language, "bot.do.not_signed"));
            } else if (c.detail() == null || !c.detail().startsWith("cannot check")) {
                // A relation between figures not read says nothing the marked figures above do not.
                String label = form.checkLabel(c.id(), language).orElse(c.id());
                out.append('\n').append(get(language, "bot.check_failed", label, c.detail() == null ? "" : c.detail()));
            }
        }
        out.append('\n').append(get(language, "bot.status." + p.status().name()));
        todo.forEach(t -> out.append('\n').append("➡ ").append(t));
        return out.toString();
    }
}
