package kz.hattama.stats;

import kz.hattama.protocol.ReviewReason;
import kz.hattama.config.DatasetProperties;
import kz.hattama.export.Samples;
import kz.hattama.export.TestExports;
import kz.hattama.precinct.Precinct;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kz.hattama.export.Samples.consistent;
import static kz.hattama.export.Samples.figures;

/**
 * A small set of protocols whose statistics are worked out by hand in StatisticsServiceTest: two cities printed in
 * both languages, a precinct without a city, one missing from the list, two disagreeing photos of one precinct, two
 * precincts with the same results, a round share, a turnout over 70 %, a broken ballot balance and a figure not read.
 */
final class KnownSet {

    static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private KnownSet() {
    }

    static StatisticsService store(TestDatabase.Schema schema) {
        Stores store = schema.stores();
        int seq = 0;
        read(store, seq++, "101", "г. Семей, ул. Бегалина 6", consistent(1000, 800, 9, 101, 401, 51, 31, 7), Map.of(), false);
        // Another photo of 101, misread: party_2 411, so the votes do not balance.
        read(store, seq++, "101", "г. Семей, ул. Бегалина 6",
                figures(1000, 800, 600, 600, 0, 101, 411, 51, 31, 7, 9, 200), Map.of(), false);
        read(store, seq++, "102", "Семей қаласы, Абай көшесі 1", consistent(500, 450, 3, 40, 300, 20, 10, 7),
                Map.of("party_5", 8), false);
        read(store, seq++, "201", "г. Уральск, ул. Достык 41", consistent(2000, 1500, 20, 200, 700, 100, 80, 100), Map.of(), false);
        read(store, seq++, "202", "Орал қаласы, Достық даңғылы 41", consistent(1900, 1400, 20, 200, 700, 100, 80, 100), Map.of(), false);
        read(store, seq++, "203", "г. Уральск, ул. Есенжанова 2", consistent(1000, 700, 3, 97, 300, 51, 29, 20), Map.of(), true);
        read(store, seq++, "204", "г. Уральск, ул. Жангир хана 5",
                figures(800, 700, 500, 500, 0, 52, 348, 40, 30, 20, 10, 150), Map.of(), false);
        read(store, seq++, "301", "Абай ауданы, Қарауыл ауылы", consistent(300, 250, 2, 20, 150, 10, 5, 3), Map.of(), false);
        read(store, seq++, "999", "г. Семей, ул. Кутжанова 3", consistent(100, 90, 1, 10, 50, 5, 3, 1), Map.of(), false);
        Samples.read(store, seq++, "p401.jpg", "photo 401", unread(Samples.perfect("401", "г. Семей, ул. Абая 9",
                consistent(700, 600, 5, 50, 300, 40, 20, 10), Map.of(), false), "party_3"));
        Samples.reject(store, seq, "notes.txt", "not a scan", RejectionCode.UNSUPPORTED_TYPE);
        TestExports.precincts(schema).replaceAll(List.of(
                new Precinct("101", "Абайская область", "город Семей", "Семей", null),
                new Precinct("102", "Абайская область", "город Семей", "Семей", null),
                new Precinct("201", "Западно-Казахстанская область", "город Уральск", "Уральск", null),
                new Precinct("202", "Западно-Казахстанская область", "город Уральск", "Уральск", null),
                new Precinct("203", "Западно-Казахстанская область", "город Уральск", "Уральск", null),
                new Precinct("204", "Западно-Казахстанская область", "город Уральск", "Уральск", null),
                new Precinct("301", "Абайская область", "Абайский район", null, "с. Караул, ул. Абая 3"),
                new Precinct("401", "Абайская область", "город Семей", "Семей", null)));
        return new StatisticsService(store.protocols(), store.pages(), TestExports.places(schema), Protocols.FORM, DatasetProperties.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void read(Stores store, int seq, String precinct, String address, Map<String, Integer> values,
                             Map<String, Integer> words, boolean reviewed) {
        Samples.read(store, seq, "p" + precinct + "-" + seq + ".jpg", "photo " + seq,
                Samples.perfect(precinct, address, values, words, reviewed));
    }

    /** The protocol with one figure not read at all. */
    private static ProtocolResult unread(ProtocolResult p, String key) {
        Map<String, FieldResult> fields = new LinkedHashMap<>(p.fields());
        FieldResult f = fields.get(key);
        fields.put(key, new FieldResult(key, null, null, null, null, null, 0, FieldStatus.NEEDS_REVIEW,
                List.of(ReviewReason.of(ReviewReason.Code.NOT_READ)), null));
        return new ProtocolResult(p.form(), p.lang(), p.precinct(), p.address(), fields, p.checks(), p.flags(),
                ProtocolStatus.NEEDS_REVIEW, p.precinctStatus(), p.precinctConfidence(), p.precinctReasons());
    }
}
