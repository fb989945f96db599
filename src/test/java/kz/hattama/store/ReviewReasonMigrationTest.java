package kz.hattama.store;

import kz.hattama.protocol.ReviewReason;
import kz.hattama.protocol.ReviewReason.Code;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows stored before reasons were codes keep what they said: V11 turns every English wording the reconciler ever
 * wrote into its code and arguments, so that nothing reads reason text back at display time.
 */
class ReviewReasonMigrationTest {

    @Test
    void theEnglishReasonsOfOldRowsBecomeCodesWithTheirArguments() {
        Map<String, List<ReviewReason>> wordings = new LinkedHashMap<>();
        wordings.put("digits ≠ words; failed check votes_balance", List.of(ReviewReason.of(Code.DISAGREE),
                ReviewReason.of(Code.FAILED_CHECK, "votes_balance")));
        wordings.put("low confidence (digits 0.42, words 0.91)", List.of(ReviewReason.of(Code.LOW_CONFIDENCE, "0.42", "0.91")));
        wordings.put("low confidence (digits 0.50, words 0.30, words check 0.990); label not found next to the zone",
                List.of(ReviewReason.of(Code.LOW_CONFIDENCE_CHECKED, "0.50", "0.30", "0.990"),
                        ReviewReason.of(Code.NOT_ANCHORED)));
        wordings.put("words check 0.99900 below the bar of a figure only inequalities check",
                List.of(ReviewReason.of(Code.WEAK_WORDS_CHECK, "0.99900")));
        wordings.put("unreadable zone; chosen from alternatives to fit the checks",
                List.of(ReviewReason.of(Code.UNREADABLE), ReviewReason.of(Code.FIT_CHECKS)));
        wordings.put("digits unreadable", List.of(ReviewReason.of(Code.DIGITS_UNREADABLE)));
        wordings.put("words unreadable", List.of(ReviewReason.of(Code.WORDS_UNREADABLE)));
        wordings.put("something a reviewer wrote by hand", List.of(ReviewReason.note("something a reviewer wrote by hand")));
        String precinct = "precinct readings disagree: 463 ≠ 29 (header-text); precinct not read by number-model; "
                + "precinct read too few times (2); precinct number not found beside the form's words; "
                + "ink beside the precinct number; implausible precinct number 0417; precinct low confidence (0.62)";

        try (TestDatabase.Schema schema = TestDatabase.emptySchema()) {
            Flyway.configure().dataSource(schema.url(), schema.user(), schema.password()).schemas(schema.name())
                    .target("10").load().migrate();
            JdbcTemplate jdbc = schema.jdbc();
            long source = jdbc.queryForObject("""
                    insert into source_file (job_instance_id, seq, name, sha256, identity, size_bytes, state)
                    values (1, 1, 'old.jpg', ?, ?, 1, 'DONE') returning id""", Long.class, "a".repeat(64), "a".repeat(64));
            long protocol = jdbc.queryForObject("""
                    insert into protocol (uid, source_id, page_no, form, lang, precinct, status, precinct_status,
                                          precinct_confidence, precinct_reason)
                    values ('old-1', ?, 1, 'mazhilis-2021-pec', 'ru', '463', 'NEEDS_REVIEW', 'NEEDS_REVIEW', 0.62, ?)
                    returning id""", Long.class, source, precinct);
            int ordinal = 0;
            for (String wording : wordings.keySet()) {
                jdbc.update("""
                        insert into protocol_field (protocol_id, key, ordinal, status, reason)
                        values (?, ?, ?, 'NEEDS_REVIEW', ?)""", protocol, "field_" + ordinal, ordinal, wording);
                ordinal++;
            }
            jdbc.update("insert into protocol_field (protocol_id, key, ordinal, status, reason) values (?, 'sure', ?, 'VERIFIED', null)",
                    protocol, ordinal);

            Flyway.configure().dataSource(schema.url(), schema.user(), schema.password()).schemas(schema.name())
                    .load().migrate();
            StoredProtocol p = schema.stores().protocols().protocol("old-1").orElseThrow();

            assertThat(p.precinctReasons()).containsExactly(
                    ReviewReason.of(Code.PRECINCT_DISAGREE, "463 ≠ 29 (header-text)"),
                    ReviewReason.of(Code.PRECINCT_BLIND, "number-model"),
                    ReviewReason.of(Code.PRECINCT_FEW, "2"),
                    ReviewReason.of(Code.PRECINCT_UNANCHORED),
                    ReviewReason.of(Code.PRECINCT_INK),
                    ReviewReason.of(Code.PRECINCT_IMPLAUSIBLE, "0417"),
                    ReviewReason.of(Code.PRECINCT_LOW_CONFIDENCE, "0.62"));
            // The export's English wording, made from the codes, is the text that was stored.
            assertThat(ReviewReason.english(p.precinctReasons())).isEqualTo(precinct);
            List<String> keys = wordings.keySet().stream().toList();
            for (int i = 0; i < keys.size(); i++) {
                assertThat(p.fields().get(i).reasons()).as(keys.get(i)).isEqualTo(wordings.get(keys.get(i)));
                assertThat(ReviewReason.english(p.fields().get(i).reasons())).isEqualTo(keys.get(i));
            }
            assertThat(p.fields().get(keys.size()).reasons()).isEmpty();
        }
    }
}
