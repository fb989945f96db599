package kz.hattama.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * The message broker that spreads the {@code recognize} step over {@code worker} processes on other machines. Each is
 * also an environment variable, documented in the README.
 *
 * @param url        RabbitMQ, e.g. {@code amqp://guest:guest@127.0.0.1:5672}; unset, {@code digitize} and
 *                   {@code serve} read every file in-process as before ({@code HATTAMA_BROKER_URL})
 * @param partitions how many parts a run's files are split into for the workers; each worker thread reads one part at
 *                   a time, so more parts than threads in all keeps every thread busy to the end and leaves little to
 *                   read again after a worker dies ({@code HATTAMA_BROKER_PARTITIONS})
 */
@ConfigurationProperties("hattama.broker")
public record BrokerProperties(URI url, @DefaultValue("64") int partitions) {

    public BrokerProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("hattama.broker.partitions must be at least 1");
        }
        if (url != null && url.toString().isBlank()) {
            url = null;
        }
    }
}
