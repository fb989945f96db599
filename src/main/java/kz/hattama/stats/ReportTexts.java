package kz.hattama.stats;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The report's wording in one language, from {@code kz/hattama/stats/report*.properties}. Figures, party, place and
 * form names come from the data and are never translated; stored codes (statuses, check and flag ids) stay as they are
 * so that a reader can match them with the export.
 */
public final class ReportTexts {

    static final String BUNDLE = "kz.hattama.stats.report";

    /** The languages the report is written in; the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "kk");

    public static final ReportTexts ENGLISH = of("en");

    private final String language;
    private final ResourceBundle bundle;

    private ReportTexts(String language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    /** @throws IllegalArgumentException for a language the report is not written in */
    public static ReportTexts of(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("the report is written in " + String.join(", ", LANGUAGES)
                    + ", not in " + language);
        }
        // Without the no-fallback control an English request on a Russian machine would get the Russian bundle.
        return new ReportTexts(language, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The language of {@code locale} where the report is written in it, else English. */
    public static ReportTexts of(Locale locale) {
        return LANGUAGES.contains(locale.getLanguage()) ? of(locale.getLanguage()) : ENGLISH;
    }

    /** The ISO code, for the page's {@code lang} attribute. */
    public String language() {
        return language;
    }

    /**
     * The text of {@code key} with {@code {0}}, {@code {1}} … replaced by the arguments as given: figures arrive
     * formatted, so that every language shows them alike.
     */
    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A protocol status as the reader's language names it. */
    String status(kz.hattama.protocol.ProtocolStatus status) {
        return get("status." + status.name());
    }

    /** A moment in the reader's language, in UTC (the report is read far from where it was computed). */
    String moment(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.forLanguageTag(language))
                .withZone(java.time.ZoneOffset.UTC).format(at);
    }

    /** A scope's heading, by its id. */
    String scopeTitle(Statistics.Scope scope) {
        return get("scope." + scope.id());
    }
}
