package kz.hattama.batch;

import kz.hattama.config.BrokerProperties;
import kz.hattama.config.HattamaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

/**
 * The partitions of {@code recognize} sent over RabbitMQ to {@code worker} processes, when {@code HATTAMA_BROKER_URL}
 * is set. The manager ({@code digitize}, {@code serve}) sends one request a partition and polls the job repository in
 * the shared PostgreSQL until every partition's step execution has ended; a worker runs the partition's step and
 * acknowledges the request only then. A worker that dies mid-partition leaves its request unacknowledged, and the
 * broker hands it to another worker (or to a worker started later), which runs the same step execution again: the
 * files of the partition already read are DONE in the database and are not read again, and storing a file's outcome
 * is safe to repeat, so nothing is lost or doubled.
 */
@Configuration
@ConditionalOnExpression("!'${hattama.broker.url:}'.isBlank()")
public class RemotePartitioning {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitioning.class);

    /** The Spring profile of the {@code worker} command: only a worker takes requests from the queue. */
    public static final String WORKER_PROFILE = "worker";
    /** How often the manager looks in the job repository whether the workers are done. */
    private static final long POLL_MILLIS = 1000;
    /** Only the request itself and what it is made of are ever deserialized from the broker. */
    private static final List<String> ALLOWED_CLASSES = List.of(StepExecutionRequest.class.getName(), "java.lang.*");

    /**
     * One queue per database and schema: managers and workers of one installation meet there, and installations (or
     * tests) sharing a broker do not take each other's work.
     */
    @Bean
    public Queue recognizeQueue(DataSource dataSource) {
        String where = new JdbcTemplate(dataSource).queryForObject(
                "select current_database() || '.' || current_schema()", String.class);
        return new Queue("hattama.recognize." + where, true);
    }

    @Bean
    public ConnectionFactory brokerConnectionFactory(BrokerProperties broker, Environment env) {
        CachingConnectionFactory factory = new CachingConnectionFactory(broker.url());
        factory.setConnectionNameStrategy(f -> "hattama-" + (isWorker(env) ? "worker" : "manager"));
        return factory;
    }

    @Bean
    public RabbitAdmin brokerAdmin(ConnectionFactory brokerConnectionFactory) {
        // Declares the queue (durable) whenever a connection opens, so either side may start first.
        return new RabbitAdmin(brokerConnectionFactory);
    }

    @Bean
    public SimpleMessageConverter partitionRequestConverter() {
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(ALLOWED_CLASSES);
        return converter;
    }

    @Bean
    public DirectChannel recognizeRequests() {
        return new DirectChannel();
    }

    /** Manager side: requests go to the queue, persistent, through the default exchange. */
    @Bean
    public IntegrationFlow recognizeRequestsToBroker(ConnectionFactory brokerConnectionFactory, Queue recognizeQueue,
                                                     SimpleMessageConverter partitionRequestConverter,
                                                     DirectChannel recognizeRequests) {
        RabbitTemplate template = new RabbitTemplate(brokerConnectionFactory);
        template.setMessageConverter(partitionRequestConverter);
        return IntegrationFlow.from(recognizeRequests)
                .handle(Amqp.outboundAdapter(template).routingKey(recognizeQueue.getName()))
                .get();
    }

    @Bean
    public RemoteRecognition remoteRecognition(JobRepository repository, JobExplorer explorer, BrokerProperties broker,
                                               BeanFactory beans, Environment env, DirectChannel recognizeRequests,
                                               DirectChannel workerRequests) {
        return new RemoteRecognition(repository, explorer, broker.partitions(), beans,
                isWorker(env) ? workerRequests : null, recognizeRequests);
    }

    private static boolean isWorker(Environment env) {
        return env.acceptsProfiles(Profiles.of(WORKER_PROFILE));
    }

    /** What {@link DigitizeJobConfiguration} asks of the broker's side when it wires {@code recognize}. */
    public static final class RemoteRecognition {
        private final RemotePartitioningManagerStepBuilderFactory managers;
        private final RemotePartitioningWorkerStepBuilderFactory workers;
        private final JobRepository repository;
        private final int partitions;
        /** Where a worker's requests arrive; null in a manager. */
        private final DirectChannel workerRequests;
        private final DirectChannel requests;

        RemoteRecognition(JobRepository repository, JobExplorer explorer, int partitions, BeanFactory beans,
                          DirectChannel workerRequests, DirectChannel requests) {
            this.repository = repository;
            this.partitions = partitions;
            this.workerRequests = workerRequests;
            this.requests = requests;
            this.managers = new RemotePartitioningManagerStepBuilderFactory(repository, explorer);
            this.managers.setBeanFactory(beans);
            this.workers = new RemotePartitioningWorkerStepBuilderFactory(repository, explorer);
            this.workers.setBeanFactory(beans);
        }

        public int partitions() {
            return partitions;
        }

        /** The partitioned step: sends the partitions' requests and waits for their step executions to end. */
        public RemotePartitioningManagerStepBuilder manager(String name) {
            return managers.get(name).outputChannel(requests).pollInterval(POLL_MILLIS);
        }

        /**
         * The builder of the partition's step: in a worker, the step is also bound to the requests that come from the
         * queue; in a manager, it is built as it is (the manager never runs it).
         */
        public StepBuilder partition(String name) {
            if (workerRequests == null) {
                return new StepBuilder(name, repository);
            }
            return workers.get(name).inputChannel(workerRequests).listener(new PartitionLog());
        }
    }

    @Bean
    public DirectChannel workerRequests() {
        return new DirectChannel();
    }

    /**
     * Worker side: {@code HATTAMA_WORKERS} consumers, each holding one request at a time, acknowledged when its
     * partition's step has returned. A request whose step execution has ended already is dropped: its partition was
     * finished by another worker, or a restarted run marked it failed and sent a request of its own.
     */
    @Bean
    @Profile(WORKER_PROFILE)
    public IntegrationFlow recognizeRequestsFromBroker(ConnectionFactory brokerConnectionFactory, Queue recognizeQueue,
                                                       SimpleMessageConverter partitionRequestConverter,
                                                       HattamaProperties props, JobExplorer explorer,
                                                       DirectChannel workerRequests) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(brokerConnectionFactory);
        container.setQueueNames(recognizeQueue.getName());
        container.setConcurrentConsumers(props.effectiveWorkers());
        container.setPrefetchCount(1);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        // A request that cannot be run (its job execution deleted) would come back for ever; it goes.
        container.setDefaultRequeueRejected(false);
        return IntegrationFlow.from(Amqp.inboundAdapter(container).messageConverter(partitionRequestConverter))
                .filter(StepExecutionRequest.class, request -> stillOpen(explorer, request),
                        filter -> filter.discardFlow(discarded -> discarded.handle(message ->
                                log.info("Dropped {}: its partition has ended", message.getPayload()))))
                .channel(workerRequests)
                .get();
    }

    static boolean stillOpen(JobExplorer explorer, StepExecutionRequest request) {
        StepExecution execution = explorer.getStepExecution(request.getJobExecutionId(), request.getStepExecutionId());
        return execution != null
                && (execution.getStatus() == BatchStatus.STARTING || execution.getStatus() == BatchStatus.STARTED);
    }

    /** Tells in the worker's log which partition it took and how it ended (an operator follows a run by it). */
    private static final class PartitionLog implements StepExecutionListener {
        @Override
        public void beforeStep(StepExecution step) {
            log.info("Took partition {} (step execution {})", step.getStepName(), step.getId());
        }

        @Override
        public ExitStatus afterStep(StepExecution step) {
            log.info("Finished partition {} (step execution {}): {}, {} files", step.getStepName(), step.getId(),
                    step.getStatus(), step.getWriteCount());
            return null;
        }
    }
}
