package kz.hattama.cli;

import kz.hattama.export.SafeCsv;
import kz.hattama.form.FormDefinition;
import kz.hattama.official.Difference;
import kz.hattama.official.OfficialComparer;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code official compare}'s output: a CSV row per difference, or the same in sentences for a person. */
public final class ComparisonReport {

    public static final List<String> CSV_HEADER = List.of("precinct", "field", "protocol", "official", "difference",
            "field_status", "protocol_id");

    public enum Format { text, csv }

    private ComparisonReport() {
    }

    public static void write(Format format, OfficialComparer.Outcome outcome, FormDefinition form, Writer out)
            throws IOException {
        if (format == Format.csv) {
            csv(outcome.rows(), out);
        } else {
            text(outcome, form, out);
        }
    }

    static void csv(List<Difference> rows, Writer out) throws IOException {
        SafeCsv csv = new SafeCsv(out);
        csv.row(CSV_HEADER);
        for (Difference d : rows) {
            csv.row(java.util.Arrays.asList(d.precinct(), d.fieldCell(), d.protocol(), d.official(), d.difference(),
                    d.fieldStatus(), d.protocolId()));
        }
        csv.flush();
    }

    static void text(OfficialComparer.Outcome outcome, FormDefinition form, Writer out) throws IOException {
        List<Difference> rows = outcome.rows();
        Map<String, Map<String, Integer>> differing = new LinkedHashMap<>();
        Set<String> onlyProtocol = new LinkedHashSet<>();
        Set<String> onlyOfficial = new LinkedHashSet<>();
        for (Difference d : rows) {
            String at = "precinct " + (d.precinct() == null ? "(number not read)" : d.precinct());
            String protocol = d.protocolId() == null ? "" : ", protocol " + d.protocolId();
            switch (d.kind()) {
                case FIGURE -> {
                    differing.computeIfAbsent(d.precinct(), k -> new LinkedHashMap<>()).merge(d.field(), 1, Integer::sum);
                    Long diff = d.difference();
                    out.write(at + protocol + ": " + d.field() + " (" + form.field(d.field()).displayName() + ")"
                            + " protocol " + (d.protocol() == null ? "not read" : d.protocol())
                            + ", official " + d.official()
                            + (diff == null ? "" : ", official − protocol " + (diff > 0 ? "+" : "") + diff)
                            + (d.fieldStatus() == null ? "" : " (figure " + d.fieldStatus() + ")") + "\n");
                }
                case NO_OFFICIAL_RESULT -> {
                    onlyProtocol.add(d.precinct());
                    out.write(at + protocol + ": no official result for this precinct\n");
                }
                case NO_PROTOCOL -> {
                    onlyOfficial.add(d.precinct());
                    out.write(at + ": official result, but no protocol was received\n");
                }
                case SEVERAL_PROTOCOLS -> out.write(at + protocol + ": one of several protocols of this precinct;"
                        + " each is compared, none chosen\n");
                case PRECINCT_UNSURE -> out.write(at + protocol + ": the precinct number is not sure yet (review it);"
                        + " not compared\n");
            }
        }
        out.write("\n" + outcome.protocols() + " protocols read, " + outcome.officialLines() + " official lines; "
                + differing.size() + " precincts whose protocol differs from the official result ("
                + differing.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum()
                + " figures); " + onlyProtocol.size() + " with a protocol but no official result; "
                + onlyOfficial.size() + " with an official result but no protocol.\n");
        out.flush();
    }
}
