package kz.hattama.bundle;

import kz.hattama.export.ExportRecord;
import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.Lang;
import kz.hattama.official.OfficialLine;
import kz.hattama.precinct.Place;
import kz.hattama.review.Review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the summary of an evidence bundle says, whatever it is printed as: {@link SummaryHtml} and {@link SummaryPdf}
 * only lay it out, so the page a person opens and the sheet an observer files cannot come to say different things.
 *
 * @param about     the protocol's particulars, a name and a value (null: not known) a row
 * @param figures   one per field of the form, in form order
 * @param signedOff who signed the protocol off and when; null while nobody has
 * @param changes   the reviewers' changes, a row each in {@link #CHANGE_COLUMNS}; null when nobody has reviewed it
 * @param official  what the election commission's official result of the precinct says beside the protocol; null
 *                  where no official line of the precinct was imported (then the figures have no official column)
 */
public record Summary(Lang lang, String documentTitle, String heading, Text intro, List<Row> about,
               List<Text> failedChecks, List<Text> checksThatHold, List<Text> flags,
               Text figuresNote, List<Figure> figures, Text signedOff, List<List<String>> changes, Text filesNote,
               Text official) {

    static final String FAILED_CHECKS = "Failed checks";
    static final String CHECKS_THAT_HOLD = "Checks that hold";
    static final String FLAGS = "Flags";
    static final String FIGURES = "Figures: the page beside both readings";
    static final List<String> FIGURE_COLUMNS = List.of("Line", "Field", "On the page", "Digits read", "Words read",
            "Value", "Confidence", "Status", "Why");
    static final String OFFICIAL = "Official result";
    static final String OFFICIAL_COLUMN = "Official";
    static final String REVIEW_HISTORY = "Review history";
    static final String NOT_REVIEWED = "Nobody has reviewed this protocol yet.";
    static final List<String> CHANGE_COLUMNS = List.of("When", "Who", "Field", "From", "To");
    static final String FILES = "Files";
    /** Stands for a figure or a particular that is not known. */
    static final String NONE = "—";

    /** How a piece of text stands out from the text around it. */
    public enum Style { PLAIN, BOLD, CODE, MUTED }

    /** Text that is not known (a check without its arithmetic, say) is an empty span, never null. */
    public record Span(String text, Style style) {

        public Span {
            text = Objects.toString(text, "");
        }
    }

    /** A sentence or a cell: spans one after the other, breakable only where a span has a space. */
    public record Text(List<Span> spans) {

        static Text of(Span... spans) {
            return new Text(List.of(spans));
        }

        static Text plain(String s) {
            return of(new Span(s, Style.PLAIN));
        }

        String plain() {
            return spans.stream().map(Span::text).collect(Collectors.joining());
        }
    }

    public record Row(String name, String value) {
    }

    /**
     * @param crop    the crop's entry in the zip; null when there is none
     * @param changed whether a reviewer touched this figure
     * @param official the official figure; null where there is no official line
     * @param differs  whether the official figure is another than the protocol's
     */
    public record Figure(String line, String label, String key, String crop, Text digits, Text words, String value,
                  String confidence, String status, String reason, boolean changed, String official, boolean differs) {
    }

    /** The figures table's columns: with the official figure after the value where there is an official line. */
    List<String> figureColumns() {
        if (official == null) {
            return FIGURE_COLUMNS;
        }
        List<String> columns = new ArrayList<>(FIGURE_COLUMNS);
        columns.add(columns.indexOf("Value") + 1, OFFICIAL_COLUMN);
        return columns;
    }

    private static Span plain(String s) {
        return new Span(s, Style.PLAIN);
    }

    private static Span bold(String s) {
        return new Span(s, Style.BOLD);
    }

    private static Span code(String s) {
        return new Span(s, Style.CODE);
    }

    /**
     * @param scanEntry the scan's name inside the zip
     * @param crops     the crop's entry per field key, for fields that have one
     * @param cropped   whether the page was normalized again; otherwise the crops are missing and the boxes say where
     * @param official  the official line of the protocol's precinct; null where there is none
     */
    static Summary of(ExportRecord r, FormDefinition form, String sourceName, String scanEntry,
                      Map<String, String> crops, boolean cropped, OfficialLine official) {
        // The labels are printed in the protocol's language; one not read, or not the form's, gets Russian.
        Lang lang = Arrays.stream(Lang.values()).filter(l -> l.code().equalsIgnoreCase(r.lang())).findFirst()
                .orElse(Lang.RU);
        String title = "Evidence: precinct " + Objects.toString(r.precinct(), "?") + ", protocol " + r.id();
        String heading = "Evidence: protocol of precinct № " + Objects.toString(r.precinct(), "(not read)");
        Text intro = Text.of(plain("Failed checks: " + r.failedChecks().size() + ", on the figures as "
                        + (r.review() != null && r.review().by() != null ? "confirmed by a reviewer" : "read by the machine")
                        + ". Status: "), bold(String.valueOf(r.status())), plain("."));

        Place place = r.location() == null ? Place.UNKNOWN : r.location();
        List<Row> about = List.of(
                new Row("Protocol id", r.id()),
                new Row("Form", r.form() + " (" + form.title().get(lang.code()) + ")"),
                new Row("Precinct", r.precinct()),
                new Row("Place", Stream.of(place.region(), place.district(), place.city()).filter(Objects::nonNull)
                        .collect(Collectors.joining(", "))
                        + " (from " + place.from().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"),
                new Row("Printed address", r.address()),
                new Row("Language", r.lang()),
                new Row("Original scan", sourceName + " → " + scanEntry),
                new Row("SHA-256 of the scan", String.join(", ", r.sourceSha256())));

        Text figuresNote = cropped
                ? Text.of(plain("Each crop is cut from the page as the machine read it: the original scan normalized "
                + "again (same perspective, deskew and light correction), at the field's stored box. "), code("page.png"),
                plain(" shows every box."))
                : Text.of(plain("The page could not be found again in the scan, so there are no crops: see the whole "
                + "scan and the boxes in "), code("boxes.json"), plain("."));
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, ExportRecord.Field> e : r.fields().entrySet()) {
            FieldDef def = form.field(e.getKey());
            ExportRecord.Field f = e.getValue();
            boolean changed = r.review() != null && r.review().changes().stream().anyMatch(c -> e.getKey().equals(c.field()));
            Integer published = official == null ? null : official.figures().get(e.getKey());
            figures.add(new Figure(def.line(), def.label(lang), e.getKey(), crops.get(e.getKey()),
                    reading(f.digitsText(), f.digits()), reading(f.wordsText(), f.words()),
                    f.value() == null ? NONE : f.value().toString(),
                    f.confidence() == null ? NONE : String.format(Locale.ROOT, "%.2f", f.confidence()),
                    f.status() == null ? NONE : f.status().toString(), Objects.toString(f.reason(), ""), changed,
                    official == null ? null : Objects.toString(published, NONE),
                    official != null && !Objects.equals(published, f.value())));
        }
        Text officialNote = null;
        if (official != null) {
            List<String> differing = figures.stream().filter(Figure::differs)
                    .map(f -> f.key() + " " + f.value() + " ≠ " + f.official()).toList();
            officialNote = differing.isEmpty()
                    ? Text.of(plain("The election commission's official result of precinct " + official.precinct()
                    + " (line " + official.line() + " of the imported file) has the same figures as this protocol."))
                    : Text.of(plain("The election commission's official result of precinct " + official.precinct()
                    + " (line " + official.line() + " of the imported file) differs from this protocol in "
                    + differing.size() + " figure" + (differing.size() == 1 ? "" : "s") + " (protocol ≠ official): "),
                    bold(String.join("; ", differing)), plain(". Its line is in "), code("official.json"),
                    plain(" and in the column «" + OFFICIAL_COLUMN + "» beside the crops."));
        }

        Review review = r.review();
        boolean reviewed = review != null && (review.by() != null || !review.changes().isEmpty());
        Text signedOff = reviewed && review.by() != null
                ? Text.of(plain("Signed off by "), bold(review.by()), plain(" at " + review.at() + ".")) : null;
        List<List<String>> changes = reviewed ? review.changes().stream()
                .map(c -> Stream.of(c.at(), c.by(), c.field(), c.from(), c.to()).map(Objects::toString).toList())
                .toList() : null;

        Text filesNote = Text.of(code("protocol.json"), plain(": the export record (both readings, checks, flags, review); "),
                code("review-history.json"), plain("; "), code("boxes.json"),
                plain(": each field's box on the normalized page. Verify every file with "), code("sha256sum -c SHA256SUMS"),
                plain("."));

        return new Summary(lang, title, heading, intro, about, checks(r, false), checks(r, true),
                r.flags().stream().map(f -> Text.plain(f.detail() == null ? f.id() : f.id() + ": " + f.detail())).toList(),
                figuresNote, figures, signedOff, changes, filesNote, officialNote);
    }

    private static List<Text> checks(ExportRecord r, boolean passed) {
        return r.checks().stream().filter(c -> c.passed() == passed)
                .map(c -> Text.of(plain(c.id() + (c.field() == null ? "" : " (" + c.field() + ")") + ": "), code(c.detail())))
                .toList();
    }

    private static Text reading(String text, Integer number) {
        if (text == null && number == null) {
            return Text.of(new Span("not read", Style.MUTED));
        }
        String read = Objects.toString(text, "") + " → ";
        return number == null ? Text.plain(read + "?") : Text.of(plain(read), bold(number.toString()));
    }
}
