package kz.hattama.cli;

import kz.hattama.protocol.Hashes;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The load command's files: unique per request (none a duplicate of another), yet the same picture. */
class LoadTestCommandTest {

    @Test
    void everySentFileHasItsOwnHashAndTheSamePixels() throws IOException {
        List<LoadTestCommand.Sample> samples = LoadTestCommand.samples(Path.of("sample-scans"));
        assertThat(samples).extracting(LoadTestCommand.Sample::extension).contains("png", "jpg");
        for (LoadTestCommand.Sample sample : samples) {
            byte[] a = sample.unique("client 0 file 1");
            byte[] b = sample.unique("client 0 file 2");
            assertThat(Hashes.sha256(a)).isNotEqualTo(Hashes.sha256(b)).isNotEqualTo(Hashes.sha256(sample.bytes()));
            BufferedImage original = ImageIO.read(new ByteArrayInputStream(sample.bytes()));
            BufferedImage sent = ImageIO.read(new ByteArrayInputStream(a));
            assertThat(sent.getWidth()).isEqualTo(original.getWidth());
            assertThat(sent.getRGB(0, 0, sent.getWidth(), sent.getHeight(), null, 0, sent.getWidth()))
                    .isEqualTo(original.getRGB(0, 0, original.getWidth(), original.getHeight(), null, 0, original.getWidth()));
        }
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(LoadTestCommand.rank(hundred, 0.50)).isEqualTo(50);
        assertThat(LoadTestCommand.rank(hundred, 0.95)).isEqualTo(95);
        assertThat(LoadTestCommand.rank(hundred, 0.99)).isEqualTo(99);
        assertThat(LoadTestCommand.rank(List.of(7L), 0.99)).isEqualTo(7);
    }

    @Test
    void aFileOfAnUploadStillOpenIsWaitingNotLostButOneOfAFinishedOrForgottenUploadIsLost() throws Exception {
        LoadTestCommand.Accepted open = new LoadTestCommand.Accepted(1, 0);
        open.last = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"state\":\"QUEUED\",\"files\":[{}]}");
        assertThat(LoadTestCommand.stillOpen(open)).isTrue();

        LoadTestCommand.Accepted finished = new LoadTestCommand.Accepted(2, 0);
        finished.last = open.last;
        finished.doneNanos = 5;
        assertThat(LoadTestCommand.stillOpen(finished)).isFalse();

        LoadTestCommand.Accepted forgotten = new LoadTestCommand.Accepted(3, 0);
        forgotten.last = open.last;
        forgotten.gone = true;
        assertThat(LoadTestCommand.stillOpen(forgotten)).isFalse();

        assertThat(LoadTestCommand.stillOpen(new LoadTestCommand.Accepted(4, 0))).isFalse();
    }
}
