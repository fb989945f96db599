package kz.hattama.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every CSV file Hattama writes: RFC 4180 with {@code \n} line ends, and no cell a spreadsheet would run as a formula.
 * Names in the data come from strangers (a file name, a printed address read by OCR, an imported precinct list), and
 * a cell such as {@code =HYPERLINK(…)} opened in Excel or LibreOffice is code, not text. As OWASP advises, a cell
 * starting with {@code = + - @}, a tab or a carriage return gets a leading {@code '}, which spreadsheets show as
 * text. Numbers stay numbers.
 */
public final class SafeCsv implements Flushable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A plain number, as a figure or a percentage is written: a spreadsheet reads it as a number, never a formula. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final CSVPrinter printer;

    public SafeCsv(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
    }

    /** One row; null is an empty cell. */
    public void row(List<?> cells) throws IOException {
        printer.printRecord(cells.stream().map(SafeCsv::cell).toList());
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /** The cell as it is written: numbers and harmless text as they are, a would-be formula as text. */
    static Object cell(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        String s = value.toString();
        if (s.isEmpty() || FORMULA_STARTS.indexOf(s.charAt(0)) < 0 || NUMBER.matcher(s).matches()) {
            return s;
        }
        return "'" + s;
    }
}
