package kz.hattama.ingest;

import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import java.util.Set;

/** Classifies an incoming file before any page is looked at. Pure: no I/O. */
public final class IntakeCheck {

    /** What iPhones save by default; volunteers need to be told how to send JPEG instead. */
    private static final Set<String> HEIC = Set.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence");

    public IntakeItem check(IncomingFile file) {
        try {
            return classify(file);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A detector crashing on one file's bytes makes that file's record, not the job's failure.
            return new IntakeItem(file, file.identity(), null, Rejection.of(RejectionCode.INTERNAL_ERROR));
        }
    }

    private IntakeItem classify(IncomingFile file) {
        if (file.refusal() != null) {
            return new IntakeItem(file, file.identity(), null, file.refusal());
        }
        String sha = file.identity();
        if (file.bytes().length == 0) {
            return new IntakeItem(file, sha, null, Rejection.of(RejectionCode.EMPTY_FILE));
        }
        String type = FileTypes.detect(file.bytes(), file.name());
        if (HEIC.contains(type)) {
            return new IntakeItem(file, sha, type, Rejection.of(RejectionCode.UNSUPPORTED_HEIC));
        }
        if (!FileTypes.supported(type)) {
            return new IntakeItem(file, sha, type, Rejection.of(RejectionCode.UNSUPPORTED_TYPE));
        }
        return new IntakeItem(file, sha, type, null);
    }
}
