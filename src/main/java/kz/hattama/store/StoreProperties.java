package kz.hattama.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Where the data lives. {@code hattama.db.*} binds from the environment as HATTAMA_DB_URL, HATTAMA_DB_USER,
 * HATTAMA_DB_PASSWORD, HATTAMA_DB_PORT,
 * HATTAMA_DB_OUTAGE_WAIT, HATTAMA_DB_POOL_SIZE; {@code hattama.data-dir} from HATTAMA_DATA_DIR (application.properties).
 *
 * @param dataDir where the embedded server keeps its database, under {@code pg/}, when no URL is given
 */
@ConfigurationProperties("hattama")
public record StoreProperties(@DefaultValue("./hattama-data") Path dataDir, @DefaultValue Db db) {

    /**
     * @param url        an external PostgreSQL; empty to run the embedded one
     * @param port       the embedded server's port, 0 for any free one
     * @param outageWait how long work waits for a database that went away (stopped, restarting) before it fails
     *                   ({@code HATTAMA_DB_OUTAGE_WAIT}, seconds unless a unit is given)
     * @param poolSize   connections at most; 0 to follow the worker count ({@code HATTAMA_DB_POOL_SIZE})
     */
    public record Db(String url, String user, String password, @DefaultValue("0") int port,
                     @DefaultValue("120s") @DurationUnit(ChronoUnit.SECONDS) Duration outageWait,
                     @DefaultValue("0") int poolSize) {

        private static final Duration DEFAULT_OUTAGE_WAIT = Duration.ofSeconds(120);

        @ConstructorBinding
        public Db {
        }

        /** The server alone, every other setting at its default (tools and tests). */
        public Db(String url, String user, String password, int port) {
            this(url, user, password, port, DEFAULT_OUTAGE_WAIT, 0);
        }

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
