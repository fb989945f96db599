package kz.hattama.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per protocol for spreadsheets: id, source_files, precinct, lang, status, then each field's value and
 * status side by side, then the failed checks and the rejection code. Empty cells stand for null.
 */
public final class CsvExporter implements Exporter {

    /** Joins several values in one cell; no file name or check id contains it in practice. */
    static final String LIST_SEPARATOR = ";";

    private final ExportSource source;

    public CsvExporter(ExportSource source) {
        this.source = source;
    }

    public List<String> header() {
        List<String> header = new ArrayList<>(List.of("id", "source_files", "precinct", "lang", "status"));
        for (String key : source.form().keys()) {
            header.add(key);
            header.add(key + "_status");
        }
        header.addAll(List.of("failed_checks", "rejection_code"));
        return header;
    }

    @Override
    public long write(ExportFilter filter, OutputStream out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format);
        csv.printRecord(header());
        long n = source.writeEach(filter, record -> csv.printRecord(row(record)));
        csv.flush();
        return n;
    }

    private List<Object> row(ExportRecord r) {
        List<Object> row = new ArrayList<>(List.of(r.id(), String.join(LIST_SEPARATOR, r.sourceFiles())));
        row.add(r.precinct());
        row.add(r.lang());
        row.add(r.status());
        for (ExportRecord.Field f : r.fields().values()) {
            row.add(f.value());
            row.add(f.status());
        }
        // A failed words_match says nothing without its field, and several of them would read as one.
        row.add(r.failedChecks().stream()
                .map(c -> c.field() == null ? c.id() : c.id() + ":" + c.field())
                .collect(Collectors.joining(LIST_SEPARATOR)));
        row.add(r.rejection() == null ? null : r.rejection().code());
        return row;
    }
}
