package kz.hattama.stats;

import java.io.IOException;
import java.io.Writer;

/** A rendering of the statistics. */
public interface StatsReport {

    void write(Statistics stats, Writer out) throws IOException;

    enum Format {
        text, csv, html;

        /** The CSV is for scripts: its column names and codes are the same in every language. */
        public StatsReport report(ReportTexts texts) {
            return switch (this) {
                case text -> new TextReport(texts);
                case csv -> new CsvReport();
                case html -> new HtmlReport(texts);
            };
        }
    }
}
