package kz.hattama.store;

import com.zaxxer.hikari.HikariDataSource;
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
    HikariDataSource dataSource(StoreProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
        StoreProperties.Db db = properties.db();
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("hattama");
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

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !Binder.get(context.getEnvironment()).bind("hattama.db.url", String.class)
                    .map(url -> !url.isBlank()).orElse(false);
        }
    }
}
