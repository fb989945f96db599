package kz.hattama.image;

/**
 * Loads the OpenCV native library once per JVM. {@code loadLocally()} copies a 65 MB library into
 * the temp folder on each call, so it must not run per image or per thread.
 */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (OpenCv.class) {
            if (!loaded) {
                nu.pattern.OpenCV.loadLocally();
                // Hattama runs one page per worker thread, as many workers as cores; OpenCV's own pool on top of that
                // makes two threads fight for each core in every filter and every network pass.
                org.opencv.core.Core.setNumThreads(1);
                loaded = true;
            }
        }
    }
}
