package kz.hattama.upload;

import kz.hattama.ingest.FileNames;

import java.util.Locale;
import java.util.Set;

/**
 * The names files keep in a batch. The name is what the volunteer gave (with the folder they dropped, if any), made
 * safe to write under the batch folder, and what digitizeJob reports and exports as the file's name.
 */
final class UploadNames {

    private UploadNames() {
    }

    static String safe(String given) {
        return FileNames.safe(given);
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
