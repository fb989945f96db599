package kz.hattama.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names files keep in a batch. The name is what the volunteer gave (with the folder they dropped, if any), made
 * safe to write under the batch folder, and what digitizeJob reports and exports as the file's name.
 */
final class UploadNames {

    private static final int MAX_SEGMENT = 120;

    private UploadNames() {
    }

    static String safe(String given) {
        List<String> segments = new ArrayList<>();
        for (String s : (given == null ? "" : given).split("[/\\\\]+")) {
            String clean = s.replaceAll("\\p{Cntrl}", "").strip();
            if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
                continue;
            }
            // The job skips hidden files, and "!/" separates a zip from its entries in a name.
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

    /** {@code name}, or "name (2).ext" and so on when the batch already holds a file of that name. */
    static String unique(String name, Set<String> taken) {
        if (taken.add(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        boolean hasExt = dot > slash + 1;
        String stem = hasExt ? name.substring(0, dot) : name;
        String ext = hasExt ? name.substring(dot) : "";
        for (int n = 2; ; n++) {
            String candidate = stem + " (" + n + ")" + ext;
            if (taken.add(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }
}
