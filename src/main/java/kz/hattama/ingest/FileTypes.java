package kz.hattama.ingest;

import org.apache.tika.Tika;

import java.util.Set;

/** Decides from the bytes (not the name) what an upload is, since phones and chat apps rename files. */
public final class FileTypes {

    public static final String PDF = "application/pdf";
    public static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/tiff", "image/bmp", "image/webp");

    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    public static String detect(byte[] bytes, String name) {
        return TIKA.detect(bytes, name);
    }

    public static boolean supported(String mediaType) {
        return PDF.equals(mediaType) || IMAGES.contains(mediaType);
    }
}
