package kz.hattama.image;

/** The picture cannot hold a readable page at all: too small, or blank. */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String message) {
        super(message);
    }
}
