package kz.hattama.precinct;

/** Loads the current precinct list into a {@link Places}; call it inside the transaction of the reads it serves. */
public final class PlaceFinder {

    private final PrecinctStore precincts;
    private final CityNames cities;

    public PlaceFinder(PrecinctStore precincts, CityNames cities) {
        this.precincts = precincts;
        this.cities = cities;
    }

    public Places load() {
        return new Places(precincts.all(), cities);
    }
}
