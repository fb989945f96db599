package kz.hattama.form;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned protocol form, read from {@code batch-config/}: what is on the page, where, and what must hold.
 * Everything that differs from one election's protocol to another's is here, so that another form needs no code.
 *
 * @param header   what else the header is recognised by; {@link HeaderDef#NONE} where the form says nothing
 * @param maxValue the largest figure the form holds; its digits are the most a digits reading may have
 */
public record FormDefinition(String id, int version, Map<String, String> title,
                             Map<String, List<String>> markers, Map<String, String> precinct, HeaderDef header,
                             List<FieldDef> fields, LayoutDef layout, List<CheckDef> checks, List<FlagDef> flags,
                             int maxValue) {

    /** The interface language a label falls back to where the form gives none in the reader's. */
    public static final String DEFAULT_LABEL_LANGUAGE = "en";

    public FormDefinition {
        header = header == null ? HeaderDef.NONE : header;
    }

    /** The control relations, the checks with arithmetic; the paperwork checks are not among them. */
    public List<CheckDef> relations() {
        return checks.stream().filter(CheckDef::isRelation).toList();
    }

    /** The check of {@code kind} ({@link CheckDef#SIDES}, {@link CheckDef#SIGNATURES}), if the form has one. */
    public Optional<CheckDef> checkOfKind(String kind) {
        return checks.stream().filter(c -> kind.equals(c.kind())).findFirst();
    }

    public List<String> keys() {
        return fields.stream().map(FieldDef::key).toList();
    }

    public FieldDef field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + key + " in form " + id));
    }

    /**
     * The rows of the form's tables, in form order: the choices on the ballot (parties, candidates) whose votes the
     * statistics share out.
     */
    public List<FieldDef> tableFields() {
        List<String> rows = layout.blocks().stream().filter(LayoutDef.Block::isTable)
                .flatMap(b -> b.fields().stream()).toList();
        return fields.stream().filter(f -> rows.contains(f.key())).toList();
    }

    /** Digits in {@link #maxValue()}: a digits reading with more is no figure of this form. */
    public int maxDigits() {
        return Integer.toString(maxValue).length();
    }

    /** The flag with {@code role} ({@link FlagDef#TURNOUT}), if the form has one. */
    public Optional<FlagDef> flagWithRole(String role) {
        return flags.stream().filter(f -> role.equals(f.role())).findFirst();
    }

    /** The check's rule in words in {@code language}, if the form has that check. */
    public Optional<String> checkLabel(String checkId, String language) {
        return checks.stream().filter(c -> c.id().equals(checkId)).findFirst()
                .map(c -> inLanguage(c.label(), language));
    }

    /** The flag's name in {@code language}, if the form has that flag. */
    public Optional<String> flagLabel(String flagId, String language) {
        return flags.stream().filter(f -> f.id().equals(flagId)).findFirst()
                .map(f -> inLanguage(f.label(), language));
    }

    /**
     * The field whose column a results table heads {@code heading} (its key, short name, a printed label or one of its
     * {@link FieldDef#columns()}), compared as {@link #headingKey} writes them.
     */
    public Optional<FieldDef> fieldByHeading(String heading) {
        String wanted = headingKey(heading);
        return wanted.isEmpty() ? Optional.empty() : fields.stream()
                .filter(f -> f.headings().stream().anyMatch(h -> headingKey(h).equals(wanted))).findFirst();
    }

    /**
     * A column heading as it is compared: lower case, «ё» as «е», quotes, punctuation and repeated spaces dropped, so
     * that «Партия "Nur Otan"» and «партия «Nur Otan»» are one heading.
     */
    public static String headingKey(String heading) {
        if (heading == null) {
            return "";
        }
        return heading.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е')
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String inLanguage(Map<String, String> labels, String language) {
        return labels.getOrDefault(language, labels.get(DEFAULT_LABEL_LANGUAGE));
    }
}
