package kz.hattama.official;

import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.precinct.Precinct;
import kz.hattama.precinct.SpreadsheetCsv;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the election commission's published results: CSV, one line per precinct, a header row naming the precinct
 * column and one column per figure of the form (its key, short name, printed label in Russian or Kazakh, or one of its
 * {@link FieldDef#columns()}), in any order; comma or semicolon. Every line is checked before anything is kept: an
 * import takes the whole file or, when any line is wrong, none of it, and says which lines to fix.
 */
public final class OfficialCsvReader {

    /** Words a precinct column's heading holds (English, Russian, Kazakh), after no figure's heading matched. */
    private static final List<String> PRECINCT_HEADINGS = List.of("precinct", "участ", "учаске");

    /**
     * The lines, or every problem found; {@code ignored} names the header's columns that are no figure of the form
     * (a region's name, say), which are read past.
     */
    public record Result(List<OfficialLine> lines, List<String> errors, List<String> ignored) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private OfficialCsvReader() {
    }

    public static Result read(Reader reader, FormDefinition form) throws IOException {
        List<OfficialLine> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        try (CSVParser parser = SpreadsheetCsv.parse(reader)) {
            Integer precinctColumn = null;
            Map<String, Integer> columns = null;
            for (CSVRecord row : parser) {
                int line = (int) row.getRecordNumber();
                if (columns == null) {
                    columns = new LinkedHashMap<>();
                    precinctColumn = header(row, form, columns, ignored, errors);
                    if (!errors.isEmpty()) {
                        return new Result(List.of(), errors, ignored);
                    }
                    continue;
                }
                String precinct = Precinct.normalize(cell(row, precinctColumn));
                if (precinct == null) {
                    errors.add("line " + line + ": no precinct number");
                    continue;
                }
                Map<String, Integer> figures = new LinkedHashMap<>();
                List<String> wrong = new ArrayList<>();
                for (Map.Entry<String, Integer> c : columns.entrySet()) {
                    String cell = cell(row, c.getValue());
                    Integer value = figure(cell, form.maxValue());
                    if (value == null) {
                        wrong.add(c.getKey() + " " + (cell == null ? "is empty" : "\"" + cell + "\" is not a whole number"
                                + " from 0 to " + form.maxValue()));
                    }
                    figures.put(c.getKey(), value);
                }
                if (!wrong.isEmpty()) {
                    errors.add("line " + line + ", precinct " + precinct + ": " + String.join("; ", wrong));
                    continue;
                }
                Integer earlier = seenAt.putIfAbsent(precinct, line);
                if (earlier != null) {
                    errors.add("line " + line + ": precinct " + precinct + " is already on line " + earlier);
                    continue;
                }
                lines.add(new OfficialLine(precinct, figures, line));
            }
            if (columns == null) {
                errors.add("the file is empty: it needs a header row and a line per precinct");
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            errors.add("not a readable CSV file: " + e.getMessage());
        }
        return new Result(lines, errors, ignored);
    }

    /**
     * Fills {@code columns} (field key → column, in form order) from the header row and returns the precinct's column;
     * adds an error for what the header lacks or names twice.
     */
    private static Integer header(CSVRecord row, FormDefinition form, Map<String, Integer> columns,
                                  List<String> ignored, List<String> errors) {
        Integer precinct = null;
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String heading = row.get(i);
            FieldDef field = form.fieldByHeading(heading).orElse(null);
            if (field != null) {
                Integer before = found.putIfAbsent(field.key(), i);
                if (before != null) {
                    errors.add("line 1: columns " + (before + 1) + " and " + (i + 1) + " are both " + field.key());
                }
            } else if (precinct == null && isPrecinct(heading)) {
                precinct = i;
            } else if (!heading.isBlank()) {
                ignored.add(heading);
            }
        }
        if (precinct == null) {
            errors.add("line 1: no precinct column (a heading such as precinct, «№ участка» or «учаске») among "
                    + row.toList());
        }
        List<String> missing = form.keys().stream().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            errors.add("line 1: no column for " + String.join(", ", missing) + "; the header must name every figure"
                    + " of the form " + form.id() + " (" + String.join(",", form.keys()) + ")");
        }
        form.keys().forEach(k -> {
            if (found.containsKey(k)) {
                columns.put(k, found.get(k));
            }
        });
        return precinct;
    }

    private static boolean isPrecinct(String heading) {
        String h = heading.toLowerCase(Locale.ROOT).strip();
        return h.matches("[№#]|no\\.?") || PRECINCT_HEADINGS.stream().anyMatch(h::contains);
    }

    /** The figure in a cell («1 234» with a space or a no-break space between thousands too), or null. */
    private static Integer figure(String cell, int max) {
        if (cell == null) {
            return null;
        }
        String digits = cell.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (!digits.matches("\\d{1,9}")) {
            return null;
        }
        int v = Integer.parseInt(digits);
        return v <= max ? v : null;
    }

    private static String cell(CSVRecord row, Integer column) {
        if (column == null || column >= row.size()) {
            return null;
        }
        String v = row.get(column).strip();
        return v.isEmpty() ? null : v;
    }

}
