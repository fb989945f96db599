package kz.hattama.precinct;

import java.util.Map;

/** Locates protocols: by the official list where it names the precinct, else by the city in the printed address. */
public final class Places {

    private final Map<String, Precinct> list;
    private final CityNames cities;

    /** @param list the imported precinct list by normalized number; empty when none was imported */
    public Places(Map<String, Precinct> list, CityNames cities) {
        this.list = Map.copyOf(list);
        this.cities = cities;
    }

    public boolean hasList() {
        return !list.isEmpty();
    }

    /**
     * Whether the list names this precinct; always true without a list, since then nothing can be missing from it. A
     * number that was not read is on no list.
     */
    public boolean listed(String precinct) {
        String number = Precinct.normalize(precinct);
        return !hasList() || number != null && list.containsKey(number);
    }

    /**
     * Where a protocol was counted. Either argument may be null (the header was not read, or its number is unsure): a
     * protocol without a number is placed by its address alone, and one without both is {@link Place#UNKNOWN}.
     */
    public Place place(String precinct, String printedAddress) {
        String number = Precinct.normalize(precinct);
        // The list is an immutable map, which refuses to be asked about null.
        Precinct listed = number == null ? null : list.get(number);
        if (listed != null) {
            String city = listed.city() != null ? cities.canonical(listed.city()) : cities.fromAddress(listed.address());
            return new Place(listed.region(), listed.district(), city, Place.Source.PRECINCT_LIST);
        }
        String city = cities.fromAddress(printedAddress);
        return city == null ? Place.UNKNOWN : new Place(null, null, city, Place.Source.ADDRESS);
    }

    public CityNames cities() {
        return cities;
    }
}
