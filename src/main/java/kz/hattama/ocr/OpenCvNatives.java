package kz.hattama.ocr;

/** Loads the OpenCV natives of org.openpnp:opencv once per JVM. */
public final class OpenCvNatives {

    private static volatile boolean loaded;

    private OpenCvNatives() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCvNatives.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
