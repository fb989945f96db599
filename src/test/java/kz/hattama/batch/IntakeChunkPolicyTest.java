package kz.hattama.batch;

import kz.hattama.ingest.InputWalker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatContext;
import org.springframework.batch.repeat.context.RepeatContextSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An intake chunk holds its files' bytes until written, so it ends early once they add up. */
class IntakeChunkPolicyTest {

    @Test
    void aChunkEndsOnceItsFilesHoldTheByteLimitAndTheNextStartsEmpty(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 6; i++) {
            Files.write(dir.resolve("scan-" + i + ".jpg"), new byte[600]);
        }
        IntakeReader reader = new IntakeReader(List.of(dir), new InputWalker.Limits(1 << 20, 10, 1 << 20));
        ExecutionContext step = new ExecutionContext();
        reader.open(step);
        IntakeChunkPolicy policy = new IntakeChunkPolicy(10, 1000, reader);

        RepeatContext chunk = policy.start(new RepeatContextSupport(null));
        reader.read();
        policy.update(chunk);
        assertThat(policy.isComplete(chunk)).isFalse();
        reader.read();
        policy.update(chunk);
        assertThat(policy.isComplete(chunk)).as("1200 bytes held, limit 1000").isTrue();

        reader.update(step);
        chunk = policy.start(new RepeatContextSupport(null));
        reader.read();
        policy.update(chunk);
        assertThat(policy.isComplete(chunk)).isFalse();
        reader.close();
    }
}
