package kz.hattama.form;

/** Languages a protocol form is printed and filled in. */
public enum Lang {
    RU, KK;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Lang of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
