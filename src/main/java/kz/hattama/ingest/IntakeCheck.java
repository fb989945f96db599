package kz.hattama.ingest;

/** Classifies an incoming file before any page is looked at. Pure: no I/O. */
public final class IntakeCheck {

    private final long maxBytes;

    public IntakeCheck(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public IntakeItem check(IncomingFile file) {
        if (file.size() < 0) {
            return new IntakeItem(file, file.sha256(), null, Rejection.of(RejectionCode.CORRUPT_FILE));
        }
        if (file.bytes() == null) {
            return new IntakeItem(file, file.sha256(), null, Rejection.of(RejectionCode.TOO_LARGE, megabytes(maxBytes)));
        }
        String sha = file.sha256();
        if (file.bytes().length == 0) {
            return new IntakeItem(file, sha, null, Rejection.of(RejectionCode.EMPTY_FILE));
        }
        String type = FileTypes.detect(file.bytes(), file.name());
        if (!FileTypes.supported(type)) {
            return new IntakeItem(file, sha, type, Rejection.of(RejectionCode.UNSUPPORTED_TYPE));
        }
        return new IntakeItem(file, sha, type, null);
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
