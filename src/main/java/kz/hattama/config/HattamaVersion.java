package kz.hattama.config;

/** The version a dataset or report names as its maker: the jar's, or "dev" when run from classes. */
public final class HattamaVersion {

    private HattamaVersion() {
    }

    public static String get() {
        String v = HattamaVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
