package kz.hattama.export;

import kz.hattama.store.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected outputs are what {@code score.py TRUTH EXPORT} printed for the same files; the export is written to
 * hit score.py's corners (zip paths, a precinct with a leading zero or as a number, a value as 2170.0 or "2170",
 * two records for one file, "source_file" instead of "source_files", {@code "passed": 0}, missing protocols).
 */
class ScorerTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @CsvSource({
            "devset-truth.jsonl,            scorer-export.jsonl,       scorer-expected.txt",
            "devset-truth.jsonl,            scorer-export-empty.jsonl, scorer-expected-empty.txt",
            "truth-violations-only.jsonl,   scorer-export.jsonl,       scorer-expected-violations-only.txt",
            "paperwork-truth.jsonl,         scorer-export-paperwork.jsonl, scorer-expected-paperwork.txt"})
    void printsWhatScorePyPrints(String truth, String export, String expected) throws IOException {
        Score score = Scorer.score(Protocols.FORM, GOLDEN.resolve(truth), GOLDEN.resolve(export));
        assertThat(score.format()).isEqualTo(Files.readString(GOLDEN.resolve(expected)));
    }

    @ParameterizedTest
    @CsvSource({"0.12345, 0.1235", "0.00005, 0.0001", "0.00015, 0.0001", "0.6666666666666666, 0.6667", "1.0, 1.0",
            "0.0, 0.0", "0.99995, 1.0", "0.5, 0.5", "0.10005, 0.1001"})
    void roundsAsPythonRoundThenRepr(double value, String python) {
        assertThat(Score.pyRound4(value)).isEqualTo(python);
    }

    @Test
    void wordsDifferIsCaughtOnlyWhenItsFieldIsNotVerified() throws IOException {
        Score score = Scorer.score(Protocols.FORM, GOLDEN.resolve("truth-violations-only.jsonl"), GOLDEN.resolve("scorer-export.jsonl"));
        // p2021-012 (party_2 NEEDS_REVIEW), p2021-022 (field absent), p2021-001 and p2021-017 (failed checks) of 8.
        assertThat(score.violationsCaught()).isEqualTo(4 / 8.0);
        assertThat(score.straightThrough()).isNull();
    }
}
