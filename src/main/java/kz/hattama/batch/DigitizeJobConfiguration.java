package kz.hattama.batch;

import kz.hattama.batch.RemotePartitioning.RemoteRecognition;
import kz.hattama.config.BrokerProperties;
import kz.hattama.config.HattamaProperties;
import kz.hattama.config.IntakeProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.ingest.IncomingFile;
import kz.hattama.ingest.InputWalker;
import kz.hattama.ingest.IntakeCheck;
import kz.hattama.ingest.IntakeItem;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.protocol.SideGroup;
import kz.hattama.recognize.PageRecognizer;
import kz.hattama.recognize.StageClock;
import kz.hattama.recognize.StageClock.Stage;
import kz.hattama.reconcile.Reconciler;
import kz.hattama.reconcile.SideJoiner;
import kz.hattama.store.IntakeStore;
import kz.hattama.store.OutcomeStore.PendingSource;
import kz.hattama.store.OutcomeStore;
import kz.hattama.store.SideStore;
import kz.hattama.store.StoreProperties;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The digitize job: {@code intake} stores every uploaded file once and rejects what cannot be a
 * scan; {@code recognize} reads the stored files in parallel partitions and writes their protocols (a page that
 * shows one side of a two-sided protocol, its readings); {@code joinSides} makes one protocol of each sheet's sides.
 * Step names are stable: the job repository finds a killed run's progress by them.
 */
@Configuration
@EnableConfigurationProperties({IntakeProperties.class, BrokerProperties.class})
public class DigitizeJobConfiguration {

    public static final String JOB = "digitizeJob";
    public static final String INTAKE = "intake";
    public static final String RECOGNIZE = "recognize";
    public static final String RECOGNIZE_PARTITION = "recognizePartition";
    public static final String JOIN_SIDES = "joinSides";
    /** Identifying job parameter: the inputs, one absolute path a line. */
    public static final String INPUTS = "inputs";
    /** Identifying job parameter: the how-many-th complete run over the same inputs. */
    public static final String RUN = "run";

    private static final int INTAKE_CHUNK = 10;
    /** An intake chunk ends early once its files hold this much; one file at the size limit still makes a chunk. */
    private static final long INTAKE_CHUNK_BYTES = 64L * 1024 * 1024;

    @Bean
    public Job digitizeJob(JobRepository repository, Step intake, Step recognize, Step joinSides) {
        return new JobBuilder(JOB, repository).start(intake).next(recognize).next(joinSides).build();
    }

    @Bean
    public Step intake(JobRepository repository, PlatformTransactionManager tx, IntakeReader intakeReader,
                       IntakeWriter intakeWriter, HattamaProperties props, StoreProperties store) {
        IntakeCheck check = new IntakeCheck();
        return new StepBuilder(INTAKE, repository)
                .<IncomingFile, IntakeItem>chunk(new IntakeChunkPolicy(INTAKE_CHUNK, INTAKE_CHUNK_BYTES, intakeReader), tx)
                .reader(intakeReader)
                .processor(item -> StageClock.time(Stage.INTAKE, () -> check.check(item)))
                .writer(intakeWriter)
                // The reader turns unreadable files into rejections itself; only a database hiccup
                // is worth another try, and nothing here is skipped silently.
                .faultTolerant()
                .retryPolicy(DatabaseRetry.policy(store.db().outageWait()))
                .backOffPolicy(DatabaseRetry.backOff())
                .build();
    }

    @Bean
    @StepScope
    public IntakeReader intakeReader(@Value("#{jobParameters['" + INPUTS + "']}") String inputs, HattamaProperties props,
                                     IntakeProperties limits) {
        List<Path> paths = Arrays.stream(inputs.split("\n")).filter(s -> !s.isBlank()).map(Path::of).toList();
        return new IntakeReader(paths, new InputWalker.Limits(props.maxFileBytes(), limits.maxZipEntries(), limits.maxZipBytes()));
    }

    @Bean
    @StepScope
    public IntakeWriter intakeWriter(IntakeStore intake, OutcomeStore outcomes,
                                     @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instanceId) {
        return new IntakeWriter(intake, outcomes, instanceId);
    }

    /**
     * Reads the stored files in partitions (by id modulo the partition count): on a thread pool as wide as
     * {@code HATTAMA_WORKERS}, or, with {@code HATTAMA_BROKER_URL}, by {@code worker} processes over the broker.
     */
    @Bean
    public Step recognize(JobRepository repository, Step recognizePartition, TaskExecutor recognizeExecutor,
                          HattamaProperties props, ObjectProvider<RemoteRecognition> remote) {
        RemoteRecognition broker = remote.getIfAvailable();
        if (broker != null) {
            return broker.manager(RECOGNIZE)
                    .partitioner(RECOGNIZE_PARTITION, partitioner(broker.partitions()))
                    .step(recognizePartition)
                    .gridSize(broker.partitions())
                    .build();
        }
        int grid = props.effectiveWorkers();
        return new StepBuilder(RECOGNIZE, repository)
                .partitioner(RECOGNIZE_PARTITION, partitioner(grid))
                .step(recognizePartition)
                .gridSize(grid)
                .taskExecutor(recognizeExecutor)
                .build();
    }

    private static Partitioner partitioner(int grid) {
        return gridSize -> {
            Map<String, ExecutionContext> parts = new HashMap<>();
            for (int i = 0; i < grid; i++) {
                ExecutionContext ctx = new ExecutionContext();
                ctx.putInt("partition", i);
                ctx.putInt("gridSize", grid);
                parts.put("partition" + i, ctx);
            }
            return parts;
        };
    }

    @Bean
    public TaskExecutor recognizeExecutor(HattamaProperties props) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(props.effectiveWorkers());
        executor.setMaxPoolSize(props.effectiveWorkers());
        executor.setThreadNamePrefix("recognize-");
        executor.initialize();
        return executor;
    }

    @Bean
    public Step recognizePartition(JobRepository repository, PlatformTransactionManager tx,
                                   PendingSourceReader pendingSourceReader, RecognizeProcessor recognizeProcessor,
                                   OutcomeStore store, StoreProperties storeProperties,
                                   ObjectProvider<RemoteRecognition> remote) {
        RemoteRecognition broker = remote.getIfAvailable();
        // In a worker process the same step is also bound to the requests that arrive from the broker.
        StepBuilder builder = broker != null ? broker.partition(RECOGNIZE_PARTITION) : new StepBuilder(RECOGNIZE_PARTITION, repository);
        return builder
                // One file a chunk: a file takes a second or more, and a killed job then loses at
                // most the files in hand.
                .<PendingSource, SourceOutcome>chunk(1, tx)
                .reader(pendingSourceReader)
                .processor(recognizeProcessor)
                .writer(new OutcomeWriter(store))
                .faultTolerant()
                // A chunk replayed after a database error keeps its reading: the file is read once.
                .processorNonTransactional()
                .retryPolicy(DatabaseRetry.policy(storeProperties.db().outageWait()))
                .backOffPolicy(DatabaseRetry.backOff())
                .skipPolicy(DatabaseRetry.skipAllButDatabaseErrors())
                .listener(new FailedFileListener(store))
                .build();
    }

    @Bean
    @StepScope
    public PendingSourceReader pendingSourceReader(OutcomeStore store,
                                                   @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instanceId,
                                                   @Value("#{stepExecutionContext['partition']}") Integer partition,
                                                   @Value("#{stepExecutionContext['gridSize']}") Integer gridSize) {
        return new PendingSourceReader(store, instanceId, partition, gridSize);
    }

    /**
     * Joins the sides of two-sided protocols the upload brought, after every file is read: the sides of one sheet
     * may be read by different partitions. One protocol a chunk, so a killed job redoes at most one.
     */
    @Bean
    public Step joinSides(JobRepository repository, PlatformTransactionManager tx, SideGroupReader sideGroupReader,
                          SideJoiner joiner, Reconciler reconciler, SideStore sides, StoreProperties storeProperties) {
        return new StepBuilder(JOIN_SIDES, repository)
                .<SideGroup, JoinedSides>chunk(1, tx)
                .reader(sideGroupReader)
                .processor(new JoinSidesProcessor(joiner, reconciler))
                .writer(items -> StageClock.time(Stage.JOIN,
                        () -> items.forEach(j -> sides.save(j.group(), j.protocol(), j.pageOf(), j.signaturePage()))))
                // Only the database can fail here, and it is waited for; a side is never skipped, or it would be lost.
                .faultTolerant()
                .retryPolicy(DatabaseRetry.policy(storeProperties.db().outageWait()))
                .backOffPolicy(DatabaseRetry.backOff())
                .build();
    }

    @Bean
    @StepScope
    public SideGroupReader sideGroupReader(SideStore sides, SideJoiner joiner, FormDefinition form,
                                           @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instanceId) {
        return new SideGroupReader(sides, joiner, form.id(), instanceId);
    }

    @Bean
    public RecognizeProcessor recognizeProcessor(PageRecognizer recognizer, HattamaProperties props, IntakeProperties limits) {
        return new RecognizeProcessor(new PageDecoder(props.pdfDpi(), props.maxPdfPages(), props.minImageSide(),
                limits.maxMegapixels()), recognizer);
    }
}
