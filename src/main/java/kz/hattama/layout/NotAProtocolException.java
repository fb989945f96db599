package kz.hattama.layout;

/** The page lacks the printed structure of the expected form: another document, a blank page, a random photo. */
public class NotAProtocolException extends RuntimeException {

    public NotAProtocolException(String message) {
        super(message);
    }
}
