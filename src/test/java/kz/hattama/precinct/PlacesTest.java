package kz.hattama.precinct;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A protocol whose precinct number was not read (a seal over it, a crease) is still placed by its address. */
class PlacesTest {

    static final String ADDRESS = "г. Уральск, ул. Достык 41, СОШ № 9";

    @Test
    void anUnreadPrecinctNumberIsPlacedByTheAddressWithoutAList() {
        Places places = new Places(Map.of(), CityNames.builtIn());
        assertThat(places.place(null, ADDRESS)).isEqualTo(new Place(null, null, "Уральск", Place.Source.ADDRESS));
        assertThat(places.place("", null)).isEqualTo(Place.UNKNOWN);
        assertThat(places.listed(null)).isTrue();
    }

    @Test
    void anUnreadPrecinctNumberIsNotInAList() {
        Places places = new Places(Map.of("914", new Precinct("914", "Западно-Казахстанская область", "город Уральск",
                "Уральск", ADDRESS)), CityNames.builtIn());
        assertThat(places.place(null, ADDRESS).from()).isEqualTo(Place.Source.ADDRESS);
        assertThat(places.listed(null)).isFalse();
        assertThat(places.listed("0914")).isTrue();
    }

    /** A ruling read as a bar before the name made «| Ақтөбе» a city of its own beside Актобе on the results page. */
    @Test
    void aStrokeReadBesideTheCityIsNoPartOfItsName() {
        Places places = new Places(Map.of(), CityNames.builtIn());
        assertThat(places.place(null, "| Ақтөбе қаласы, Абай к-сі 1").city()).isEqualTo("Актобе");
        assertThat(CityNames.builtIn().canonical("Семей |")).isEqualTo("Семей");
        assertThat(CityNames.builtIn().canonical("@Город")).isEqualTo("@Город");
    }
}
