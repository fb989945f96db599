package kz.hattama.upload;

/** An upload refused as a whole; {@code limit} is the limit it broke, where there is one. */
public class UploadException extends RuntimeException {

    private final UploadError error;
    private final long limit;

    public UploadException(UploadError error, long limit, Throwable cause) {
        super(error.name() + (limit > 0 ? " (limit " + limit + ")" : ""), cause);
        this.error = error;
        this.limit = limit;
    }

    public UploadException(UploadError error, long limit) {
        this(error, limit, null);
    }

    public UploadError error() {
        return error;
    }

    public long limit() {
        return limit;
    }
}
