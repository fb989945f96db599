package kz.hattama.precinct;

import kz.hattama.protocol.Flag;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A precinct number that is unsure never merges, flags or places a protocol: it is listed apart. */
class PrecinctAuditTest {

    static final Places LIST = new Places(Map.of("463", new Precinct("463", "Абайская область", "город Семей", "Семей", null)),
            CityNames.builtIn());

    static PrecinctAudit.Sighting sighting(long id, String precinct, boolean sure, int participated) {
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("voters_total", 1000);
        values.put("voters_participated", participated);
        return new PrecinctAudit.Sighting(id, "p" + id, precinct, sure, values);
    }

    @Test
    void anUnsureNumberIsNotMatchedWithTheSurePrecinctOfThatNumber() {
        Map<Long, List<Flag>> flags = PrecinctAudit.flags(List.of(sighting(1, "463", true, 700),
                sighting(2, "463", false, 650)), LIST);
        assertThat(flags).doesNotContainKey(1L);
        assertThat(flags.get(2L)).extracting(Flag::id).containsExactly(PrecinctAudit.UNSURE);
        assertThat(flags.get(2L).get(0).detail()).startsWith("precinct number 463 is unsure");
    }

    @Test
    void twoSureProtocolsOfOnePrecinctStillConflict() {
        Map<Long, List<Flag>> flags = PrecinctAudit.flags(List.of(sighting(1, "463", true, 700),
                sighting(2, "0463", true, 650)), LIST);
        assertThat(flags.get(1L)).extracting(Flag::id).containsExactly(PrecinctAudit.CONFLICT);
        assertThat(flags.get(2L)).extracting(Flag::id).containsExactly(PrecinctAudit.CONFLICT);
    }

    /** The hard capture's 29 (the decree's number) is neither missing from the list nor anyone's precinct. */
    @Test
    void anUnsureNumberIsNotLookedUpInTheList() {
        Map<Long, List<Flag>> flags = PrecinctAudit.flags(List.of(sighting(1, "29", false, 700),
                sighting(2, null, false, 700), sighting(3, "30", true, 700)), LIST);
        assertThat(flags.get(1L)).extracting(Flag::id).containsExactly(PrecinctAudit.UNSURE);
        assertThat(flags.get(2L)).extracting(Flag::detail).first().asString().startsWith("precinct number not read");
        assertThat(flags.get(3L)).extracting(Flag::id).containsExactly(PrecinctAudit.NOT_IN_LIST);
    }
}
