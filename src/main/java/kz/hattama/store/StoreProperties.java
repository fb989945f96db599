package kz.hattama.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the data lives. {@code hattama.db.*} binds from the environment as HATTAMA_DB_URL, HATTAMA_DB_USER,
 * HATTAMA_DB_PASSWORD, HATTAMA_DB_PORT; {@code hattama.data-dir} from HATTAMA_DATA_DIR (application.properties).
 *
 * @param dataDir where the embedded server keeps its database, under {@code pg/}, when no URL is given
 */
@ConfigurationProperties("hattama")
public record StoreProperties(@DefaultValue("./hattama-data") Path dataDir, @DefaultValue Db db) {

    /**
     * @param url  an external PostgreSQL; empty to run the embedded one
     * @param port the embedded server's port, 0 for any free one
     */
    public record Db(String url, String user, String password, @DefaultValue("0") int port) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
