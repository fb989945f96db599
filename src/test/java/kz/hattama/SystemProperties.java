package kz.hattama;

import java.util.HashMap;
import java.util.Map;

/** System properties a test sets for the application it starts, put back as they were afterwards. */
public final class SystemProperties {

    private final Map<String, String> saved = new HashMap<>();

    public void set(String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** Points the application at a test schema, as HATTAMA_DB_URL, HATTAMA_DB_USER and HATTAMA_DB_PASSWORD would. */
    public void database(kz.hattama.store.TestDatabase.Schema schema) {
        set("hattama.db.url", schema.url());
        set("hattama.db.user", schema.user());
        set("hattama.db.password", schema.password() == null ? "" : schema.password());
    }

    public void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        saved.clear();
    }
}
