package kz.hattama.store;

import com.zaxxer.hikari.HikariDataSource;
import kz.hattama.config.HattamaProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one database of a Hattama installation: protocols, scans and Spring Batch's job repository together, so a
 * restarted job and the data it wrote stay consistent. An external PostgreSQL when {@code hattama.db.url} is set,
 * otherwise an embedded one whose data survives between runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class DatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguration.class);

    private static final String EMBEDDED_DATABASE = "postgres";
    private static final String EMBEDDED_USER = "postgres";
    private static final int MIN_POOL = 10;
    private static final int POOL_HEADROOM = 8;

    /** Closed after the pool, since the pool depends on it. */
    @Bean(destroyMethod = "close")
    @Conditional(NoExternalDatabase.class)
    EmbeddedPostgres embeddedPostgres(StoreProperties properties) throws IOException {
        Path dir = properties.dataDir().resolve("pg").toAbsolutePath();
        EmbeddedPostgres server = LocalPostgres.start(dir, properties.db().port());
        LOG.info("PostgreSQL on port {} with its data in {}", server.getPort(), dir);
        return server;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StoreProperties properties, ObjectProvider<EmbeddedPostgres> embedded,
                                ObjectProvider<HattamaProperties> settings) {
        StoreProperties.Db db = properties.db();
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("hattama");
        pool.setMaximumPoolSize(poolSize(settings.getIfAvailable(HattamaProperties::defaults).effectiveWorkers(), db.poolSize()));
        // A connection asked for while the server restarts is waited for, not refused: the pool keeps trying to
        // connect until this has passed.
        pool.setConnectionTimeout(db.outageWait().toMillis());
        if (db.external()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
        } else {
            EmbeddedPostgres server = embedded.getObject();
            pool.setJdbcUrl("jdbc:postgresql://localhost:" + server.getPort() + "/" + EMBEDDED_DATABASE);
            pool.setUsername(EMBEDDED_USER);
        }
        return pool;
    }

    /** Data and job repository alike, so that a step's chunk and its bookkeeping survive a database restart together. */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, StoreProperties properties) {
        return new OutageTolerantTransactionManager(dataSource, properties.db().outageWait());
    }

    /**
     * Connections at most: one per recognition worker (each holds one through its chunk), and room besides for
     * the digitize lock, the job's and the partition manager's own bookkeeping, the upload queue or progress bar,
     * and the web app's requests. Never fewer than the {@value #MIN_POOL} a pool had before it followed the workers.
     *
     * @param override {@code HATTAMA_DB_POOL_SIZE}; 0 to follow the workers
     */
    static int poolSize(int workers, int override) {
        return override > 0 ? override : Math.max(MIN_POOL, workers + POOL_HEADROOM);
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !Binder.get(context.getEnvironment()).bind("hattama.db.url", String.class)
                    .map(url -> !url.isBlank()).orElse(false);
        }
    }
}
