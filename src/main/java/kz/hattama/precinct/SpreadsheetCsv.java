package kz.hattama.precinct;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * A CSV file as a spreadsheet saves it for people who give it to Hattama (a commission's list, its published
 * results): a byte-order mark dropped, the delimiter the header uses more of, comma or semicolon (Russian and Kazakh
 * spreadsheets save with semicolons), blank lines skipped and cells trimmed.
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    public static CSVParser parse(Reader reader) throws IOException {
        StringWriter all = new StringWriter();
        reader.transferTo(all);
        String text = all.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        return CSVParser.parse(new StringReader(text), format);
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
