package kz.hattama.official;

import java.util.Map;

/** The imported official results, by precinct number; empty until some were imported. */
public interface OfficialResults {

    /** Where no official results are at hand (statistics of a test set, a second form): nothing to compare. */
    OfficialResults NONE = Map::of;

    /** By normalized precinct number, in number order. */
    Map<String, OfficialLine> all();

    /** The official line of a protocol's precinct, if its number is sure and the results have that precinct. */
    default java.util.Optional<OfficialLine> of(kz.hattama.store.StoredProtocol protocol) {
        String number = kz.hattama.precinct.Precinct.normalize(protocol.surePrecinct());
        return number == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(all().get(number));
    }
}
