package kz.hattama.export;

import kz.hattama.precinct.Place;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per protocol for spreadsheets, in the spec's order: the id, each field's value and status side by side,
 * then precinct (with its status and confidence, like a figure), status and the failed checks; after those what the
 * spec leaves out (language, place, files, rejection code). Empty cells stand for null; text that would run as a
 * formula is written as text ({@link SafeCsv}).
 */
public final class CsvExporter implements Exporter {

    /** Joins several values in one cell; no file name or check id contains it in practice. */
    static final String LIST_SEPARATOR = ";";

    private final ExportSource source;

    public CsvExporter(ExportSource source) {
        this.source = source;
    }

    @Override
    public String fileName() {
        return "protocols.csv";
    }

    @Override
    public ExportSource source() {
        return source;
    }

    public List<String> header() {
        List<String> header = new ArrayList<>(List.of("id"));
        for (String key : source.form().keys()) {
            header.add(key);
            header.add(key + "_status");
        }
        header.addAll(List.of("precinct", "precinct_status", "precinct_confidence", "status", "failed_checks", "lang", "region", "district", "city",
                "source_files", "source_sha256", "rejection_code"));
        return header;
    }

    @Override
    public Sink open(OutputStream out) throws IOException {
        SafeCsv csv = new SafeCsv(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.row(header());
        return new Sink() {
            @Override
            public void write(ExportRecord record) throws IOException {
                csv.row(row(record));
            }

            @Override
            public void finish() throws IOException {
                csv.flush();
            }
        };
    }

    private List<Object> row(ExportRecord r) {
        List<Object> row = new ArrayList<>(List.of(r.id()));
        for (ExportRecord.Field f : r.fields().values()) {
            row.add(f.value());
            row.add(f.status());
        }
        row.add(r.precinct());
        row.add(r.precinctStatus());
        row.add(r.precinctConfidence());
        row.add(r.status());
        // A failed words_match says nothing without its field, and several of them would read as one.
        row.add(r.failedChecks().stream()
                .map(c -> c.field() == null ? c.id() : c.id() + ":" + c.field())
                .collect(Collectors.joining(LIST_SEPARATOR)));
        row.add(r.lang());
        Place place = r.location() == null ? Place.UNKNOWN : r.location();
        row.add(place.region());
        row.add(place.district());
        row.add(place.city());
        row.add(String.join(LIST_SEPARATOR, r.sourceFiles()));
        row.add(r.sourceSha256().stream().map(h -> h == null ? "" : h).collect(Collectors.joining(LIST_SEPARATOR)));
        row.add(r.rejection() == null ? null : r.rejection().code());
        return row;
    }
}
