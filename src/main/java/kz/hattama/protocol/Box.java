package kz.hattama.protocol;

/** A rectangle on the normalized page, in pixels. */
public record Box(int x, int y, int width, int height) {
}
