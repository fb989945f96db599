package kz.hattama.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Names a file keeps in Hattama, made from what a volunteer or a zip gave: no control characters (PostgreSQL refuses
 * NUL in text), no empty, "." or ".." segments (a zip-slip name like {@code ../../etc/passwd} keeps no way up), "/" as
 * the only separator, no hidden names (the job skips them) and no "!" (which separates a zip from its entries).
 */
public final class FileNames {

    private static final int MAX_SEGMENT = 120;

    private FileNames() {
    }

    public static String safe(String given) {
        List<String> segments = new ArrayList<>();
        for (String s : (given == null ? "" : given).split("[/\\\\]+")) {
            String clean = s.replaceAll("\\p{Cntrl}", "").strip();
            if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
                continue;
            }
            if (clean.startsWith(".")) {
                clean = "_" + clean.substring(1);
            }
            clean = clean.replace("!", "_");
            if (clean.length() > MAX_SEGMENT) {
                clean = clean.substring(0, MAX_SEGMENT);
            }
            segments.add(clean);
        }
        return segments.isEmpty() ? "file" : String.join("/", segments);
    }
}
