package kz.hattama.protocol;

/** A file or page that yields no protocol, with the reason a volunteer understands. */
public record Rejection(RejectionCode code, String message) {

    public static Rejection of(RejectionCode code, Object... args) {
        return new Rejection(code, code.message(args));
    }
}
