package kz.hattama.stats;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Stream;

/** The statistics for a terminal: every table of every scope, columns padded, figures right-aligned. */
public final class TextReport implements StatsReport {

    private final ReportTexts texts;

    public TextReport() {
        this(ReportTexts.ENGLISH);
    }

    public TextReport(ReportTexts texts) {
        this.texts = texts;
    }

    @Override
    public void write(Statistics stats, Writer out) throws IOException {
        out.write(texts.get("text.heading", stats.form(), stats.generatedAt(), stats.hattamaVersion()) + "\n");
        Table observers = Table.observers(stats, texts);
        out.write("\n" + observers.title() + "\n");
        write(observers, out);
        for (Statistics.Scope scope : stats.scopes()) {
            out.write("\n== " + texts.scopeTitle(scope) + " ==\n");
            out.write(Table.summary(scope, texts) + "\n");
            for (Table t : Table.of(stats, scope, texts).all()) {
                out.write("\n" + t.title() + "\n");
                if (t.rows().isEmpty()) {
                    out.write("  " + texts.get("empty.text") + "\n");
                    continue;
                }
                write(t, out);
            }
        }
        out.flush();
    }

    private static void write(Table t, Writer out) throws IOException {
        int[] width = new int[t.header().size()];
        for (List<String> row : rowsWithHeader(t)) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rowsWithHeader(t)) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                // The last column of a table of names (flag details) is not padded: it is the longest and ends the line.
                boolean last = i == row.size() - 1;
                line.append(' ').append(i < t.labelColumns() ? cell + (last ? "" : pad) : pad + cell);
            }
            out.write(line.toString().stripTrailing() + "\n");
        }
    }

    private static List<List<String>> rowsWithHeader(Table t) {
        return Stream.concat(Stream.of(t.header()), t.rows().stream()).toList();
    }
}
