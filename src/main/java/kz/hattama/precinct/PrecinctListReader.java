package kz.hattama.precinct;

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
 * Reads an official precinct list: CSV with the columns precinct number, region, district, city, address. A header
 * row may name them (English, Russian or Kazakh, any order); without one they are taken in that order. Commas or
 * semicolons (what a spreadsheet saved in Russian uses) both work.
 */
public final class PrecinctListReader {

    enum Column { NUMBER, REGION, DISTRICT, CITY, ADDRESS }

    /**
     * Words a column's heading contains (English, Russian, Kazakh), compared without case; tried in this order, so
     * that «Адрес участка» is the address and «Номер участка» the number.
     */
    private static final Map<Column, List<String>> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put(Column.ADDRESS, List.of("address", "адрес", "мекенжай"));
        HEADINGS.put(Column.DISTRICT, List.of("district", "район", "аудан"));
        HEADINGS.put(Column.REGION, List.of("region", "oblast", "област", "регион", "облыс", "өңір"));
        HEADINGS.put(Column.CITY, List.of("city", "town", "settlement", "город", "населен", "қала", "елдімекен"));
        HEADINGS.put(Column.NUMBER, List.of("precinct", "number", "участ", "учаске", "номер", "нөмір"));
    }

    /** The list, or every problem found in it: an import takes all of a list or none of it. */
    public record Result(List<Precinct> precincts, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private PrecinctListReader() {
    }

    public static Result read(Reader reader) throws IOException {
        List<Precinct> precincts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Long> seenAt = new HashMap<>();
        try (CSVParser parser = SpreadsheetCsv.parse(reader)) {
            Map<Column, Integer> columns = null;
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber();
                if (columns == null) {
                    columns = header(row);
                    if (columns != null) {
                        if (!columns.containsKey(Column.NUMBER)) {
                            errors.add("line 1: no precinct number column among " + row.toList());
                            return new Result(List.of(), errors);
                        }
                        continue;
                    }
                    columns = positional();
                }
                String number = Precinct.normalize(cell(row, columns, Column.NUMBER));
                if (number == null) {
                    errors.add("line " + line + ": no precinct number");
                    continue;
                }
                Long earlier = seenAt.putIfAbsent(number, line);
                if (earlier != null) {
                    errors.add("line " + line + ": precinct " + number + " is already on line " + earlier);
                    continue;
                }
                precincts.add(new Precinct(number, cell(row, columns, Column.REGION), cell(row, columns, Column.DISTRICT),
                        cell(row, columns, Column.CITY), cell(row, columns, Column.ADDRESS)));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            errors.add("not a readable CSV file: " + e.getMessage());
        }
        return new Result(precincts, errors);
    }

    /** The columns a header row names, or null when the row is data (its first cell is a precinct number). */
    private static Map<Column, Integer> header(CSVRecord row) {
        if (Precinct.numeric(Precinct.normalize(row.get(0))) != null) {
            return null;
        }
        Map<Column, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            Column c = column(row.get(i));
            if (c != null) {
                columns.putIfAbsent(c, i);
            }
        }
        return columns;
    }

    private static Column column(String heading) {
        String h = heading.toLowerCase(Locale.ROOT).strip();
        // «№», «#» or «No» alone head the number column.
        if (h.matches("[№#]?|no\\.?|n")) {
            return Column.NUMBER;
        }
        for (Map.Entry<Column, List<String>> e : HEADINGS.entrySet()) {
            if (e.getValue().stream().anyMatch(h::contains)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<Column, Integer> positional() {
        Map<Column, Integer> columns = new HashMap<>();
        for (Column c : Column.values()) {
            columns.put(c, c.ordinal());
        }
        return columns;
    }

    private static String cell(CSVRecord row, Map<Column, Integer> columns, Column column) {
        Integer i = columns.get(column);
        if (i == null || i >= row.size()) {
            return null;
        }
        String v = row.get(i).strip();
        return v.isEmpty() ? null : v;
    }

}
