package kz.hattama.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Finds Tesseract's language data: the configured folder when it has every language, otherwise
 * the copy inside the jar, unpacked once into a cache folder (Tesseract reads files, not streams).
 */
public final class TessdataLocator {

    public static final List<String> LANGUAGES = List.of("rus", "kaz", "eng");

    private TessdataLocator() {
    }

    public static Path locate(Path configured, Path cacheRoot) {
        if (complete(configured)) {
            return configured;
        }
        Path cache = cacheRoot.resolve("tessdata");
        if (complete(cache)) {
            return cache;
        }
        try {
            Files.createDirectories(cache);
            for (String lang : LANGUAGES) {
                String resource = "/tessdata/" + lang + ".traineddata";
                try (InputStream in = TessdataLocator.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("Tesseract language data not found: neither " + configured
                                + " nor the jar holds " + lang + ".traineddata (set HATTAMA_TESSDATA)");
                    }
                    Path tmp = Files.createTempFile(cache, lang, ".part");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, cache.resolve(lang + ".traineddata"), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Tesseract language data into " + cache, e);
        }
    }

    private static boolean complete(Path dir) {
        return dir != null && LANGUAGES.stream().allMatch(l -> Files.isRegularFile(dir.resolve(l + ".traineddata")));
    }
}
