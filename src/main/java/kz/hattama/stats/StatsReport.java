package kz.hattama.stats;

import java.io.IOException;
import java.io.Writer;

/** A rendering of the statistics. */
public interface StatsReport {

    void write(Statistics stats, Writer out) throws IOException;

    enum Format {
        text, csv, html;

        public StatsReport report() {
            return switch (this) {
                case text -> new TextReport();
                case csv -> new CsvReport();
                case html -> new HtmlReport();
            };
        }
    }
}
