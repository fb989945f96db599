package kz.hattama.export;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import kz.hattama.precinct.CityNames;
import kz.hattama.precinct.Place;
import kz.hattama.precinct.Places;
import kz.hattama.precinct.Precinct;
import kz.hattama.protocol.ProtocolStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which protocols an export holds: no statuses means all of them, rejected files included; a place or a precinct
 * range keeps only the protocols known to be there (a rejected file is nowhere). Shown as is in the manifest.
 */
@JsonPropertyOrder({"status", "region", "district", "city", "precincts"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportFilter(@JsonIgnore Set<ProtocolStatus> statuses, String region, String district, String city,
                           PrecinctRange precincts) {

    /** Precinct numbers {@code from} … {@code to}, both included. */
    public record PrecinctRange(int from, int to) {

        public PrecinctRange {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("precinct range " + from + "-" + to + " is empty");
            }
        }

        /** «100-250», or one number «237». */
        public static PrecinctRange parse(String spec) {
            String[] parts = spec.strip().split("\\s*[-–]\\s*", -1);
            try {
                if (parts.length == 1) {
                    int n = Integer.parseInt(parts[0]);
                    return new PrecinctRange(n, n);
                }
                if (parts.length == 2) {
                    return new PrecinctRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("Precinct range '" + spec + "' should look like 100-250 or 237.");
        }

        boolean contains(Integer n) {
            return n != null && n >= from && n <= to;
        }

        @JsonValue
        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    public ExportFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        region = blankToNull(region);
        district = blankToNull(district);
        city = blankToNull(city);
    }

    public static ExportFilter all() {
        return new ExportFilter(Set.of(), null, null, null, null);
    }

    /** {@code all}, or statuses separated by commas, in any case: the CLI's and the web's {@code --status}/{@code status}. */
    public static ExportFilter parse(String spec) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("all")) {
            return all();
        }
        EnumSet<ProtocolStatus> set = EnumSet.noneOf(ProtocolStatus.class);
        for (String s : spec.split(",")) {
            String name = s.strip().toUpperCase(Locale.ROOT);
            try {
                set.add(ProtocolStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown status '" + s.strip() + "'. Use all or some of "
                        + Arrays.toString(ProtocolStatus.values()));
            }
        }
        return all().withStatuses(set);
    }

    public static ExportFilter of(ProtocolStatus... statuses) {
        return all().withStatuses(Set.of(statuses));
    }

    public ExportFilter withStatuses(Set<ProtocolStatus> s) {
        return new ExportFilter(s, region, district, city, precincts);
    }

    public ExportFilter inRegion(String r) {
        return new ExportFilter(statuses, r, district, city, precincts);
    }

    public ExportFilter inDistrict(String d) {
        return new ExportFilter(statuses, region, d, city, precincts);
    }

    public ExportFilter inCity(String c) {
        return new ExportFilter(statuses, region, district, c, precincts);
    }

    public ExportFilter inPrecincts(PrecinctRange range) {
        return new ExportFilter(statuses, region, district, city, range);
    }

    /** The statuses as the manifest lists them, in their declared order; "all" for none. */
    @JsonProperty("status")
    public Object statusNames() {
        return statuses.isEmpty() ? "all" : EnumSet.copyOf(statuses).stream().map(Enum::name).toList();
    }

    /** Whether a protocol of this precinct, counted at this place, belongs to the export (its status aside). */
    public boolean accepts(String precinct, Place place, Places places) {
        CityNames names = places.cities();
        return (precincts == null || precincts.contains(Precinct.numeric(Precinct.normalize(precinct))))
                && same(region, place.region())
                && same(district, place.district())
                && (city == null || same(names.canonical(city), place.city()));
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || actual != null && CityNames.fold(wanted).equals(CityNames.fold(actual));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
