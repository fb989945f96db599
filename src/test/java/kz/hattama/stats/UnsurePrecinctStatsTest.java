package kz.hattama.stats;

import kz.hattama.protocol.ReviewReason;
import kz.hattama.config.DatasetProperties;
import kz.hattama.export.Samples;
import kz.hattama.precinct.CityNames;
import kz.hattama.precinct.Place;
import kz.hattama.precinct.Places;
import kz.hattama.precinct.Precinct;
import kz.hattama.precinct.PrecinctAudit;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.store.Protocols;
import kz.hattama.store.StoredProtocol;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two photos of one sheet, the second with its number misread as the decree's 29 and therefore unsure: the statistics
 * must not call them two precincts with identical results, nor file the second under precinct 29's place.
 */
class UnsurePrecinctStatsTest {

    static final Map<String, Integer> FIGURES = Samples.consistent(1000, 800, 9, 101, 401, 51, 31, 7);

    static StoredProtocol stored(long id, String precinct, FieldStatus precinctStatus, ProtocolStatus status) {
        ProtocolResult r = Samples.perfect(precinct, "г. Семей, ул. Бегалина 6", FIGURES, Map.of(), false);
        return new StoredProtocol(id, "p" + id, id, 1, r.form(), r.lang(), precinct, r.address(), "p" + id + ".jpg",
                "0".repeat(64), status, null, new ArrayList<>(r.fields().values()), r.checks(), List.of(), 0,
                PageTurn.NONE, precinctStatus, 0.5, precinctStatus == FieldStatus.NEEDS_REVIEW
                ? List.of(ReviewReason.of(ReviewReason.Code.PRECINCT_BLIND, "number-model")) : List.of());
    }

    @Test
    void anUnsureNumberIsAPrecinctOfItsOwnListedApartAndNeverIdenticalToAnother() {
        Places places = new Places(Map.of("29", new Precinct("29", "Западно-Казахстанская область", "город Уральск", "Уральск", null),
                "463", new Precinct("463", "Абайская область", "город Семей", "Семей", null)), CityNames.builtIn());
        List<StoredProtocol> read = List.of(stored(1, "463", FieldStatus.VERIFIED, ProtocolStatus.VERIFIED),
                stored(2, "29", FieldStatus.NEEDS_REVIEW, ProtocolStatus.NEEDS_REVIEW));
        List<ScopeBuilder.Tally> tallies = read.stream()
                .map(p -> ScopeBuilder.Tally.of(p, places.place(p.surePrecinct(), p.address()))).toList();
        ScopeBuilder builder = new ScopeBuilder(Protocols.FORM.tableFields().stream()
                .map(f -> new Statistics.Party(f.key(), f.key())).toList(),
                StatisticsService.turnoutFlag(Protocols.FORM), DatasetProperties.defaults(), places);
        Statistics.Scope all = builder.build(StatisticsService.ALL, PrecinctAudit.READ, tallies);

        assertThat(all.flagged()).extracting(Statistics.FlaggedPrecinct::flag).doesNotContain(ScopeBuilder.IDENTICAL);
        assertThat(all.flagged()).filteredOn(f -> f.flag().equals(PrecinctAudit.UNSURE))
                .extracting(Statistics.FlaggedPrecinct::precinct, Statistics.FlaggedPrecinct::protocolId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 2L));
        assertThat(all.precinctRows()).extracting(Statistics.Area::name).containsExactly("463", null);
        // Its place comes from the printed address (Семей), not from precinct 29 of the list (Уральск).
        assertThat(tallies.get(1).place()).isEqualTo(new Place(null, null, "Семей", Place.Source.ADDRESS));
    }
}
