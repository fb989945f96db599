package kz.hattama.cli;

import kz.hattama.bot.BotConversation;
import kz.hattama.bot.BotReplies;
import kz.hattama.bot.BotStore;
import kz.hattama.bot.IncomingMessage;
import kz.hattama.bot.Messenger;
import kz.hattama.store.UploadStore;
import kz.hattama.upload.UploadService;
import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import kz.hattama.users.UserStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * How long an observer waits for the bot's reply while a big web upload is being digitized: in a throw-away database,
 * queues one web upload of {@code --web-files} files, waits until it is being read, then sends the bot a photo every
 * {@code --every} seconds and times, for each, the receipt ("received") and the reply with what was read. The bot is
 * the real conversation, queue, job and reply poller; only Telegram is replaced by an in-process messenger (its
 * downloads are local copies, its sends are timed), so network time to Telegram is not in the figures.
 */
@Command(name = "bot-latency", mixinStandardHelpOptions = true,
        description = "Measures the bot's reply latency (p50, p95) while a web upload of many files is digitized, in a "
                + "fresh temporary database, with an in-process messenger in place of Telegram.")
public class BotLatencyCommand implements java.util.concurrent.Callable<Integer> {

    /** Set before Spring starts (see HattamaApplication): one web upload may carry this many files. */
    public static final int MAX_WEB_FILES = 2000;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Folder of protocols (JPEG, PNG, PDF) copied into the web upload; its photos are what the bot is sent.")
    Path folder;

    @Option(names = "--web-files", defaultValue = "500", description = "Files of the web upload. Default: ${DEFAULT-VALUE}.")
    int webFiles;

    @Option(names = "--photos", defaultValue = "20", description = "Photos sent to the bot. Default: ${DEFAULT-VALUE}.")
    int photos;

    @Option(names = "--every", defaultValue = "20", description = "Seconds between two photos. Default: ${DEFAULT-VALUE}.")
    int every;

    @Option(names = "--warmup", defaultValue = "10",
            description = "Web files read before the first photo is sent. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for a reply. Default: ${DEFAULT-VALUE}.")
    int timeout;

    @Autowired
    private UploadService uploads;
    @Autowired
    private UserStore users;
    @Autowired
    private BotStore bot;
    @Autowired
    private BotConversation conversation;
    @Autowired
    private BotReplies replies;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private kz.hattama.upload.UploadQueue queue;
    @Autowired
    private org.springframework.batch.core.explore.JobExplorer explorer;
    @Autowired
    private org.springframework.batch.core.repository.JobRepository repository;

    @Override
    public Integer call() throws Exception {
        if (webFiles < 1 || webFiles > MAX_WEB_FILES || photos < 1 || every < 0) {
            System.err.println("--web-files 1.." + MAX_WEB_FILES + ", --photos at least 1, --every at least 0");
            return 2;
        }
        List<Path> sources;
        try (Stream<Path> list = Files.list(folder)) {
            sources = list.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(jpe?g|png|pdf)")).sorted().toList();
        }
        List<Path> images = sources.stream().filter(p -> !p.toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).toList();
        if (images.isEmpty()) {
            System.err.println("No JPEG or PNG protocols in " + folder);
            return 2;
        }
        Timed messenger = new Timed(images);
        replies.register(messenger);
        AppUser volunteer = users.add("latency-web", UUID.randomUUID().toString(), Role.VOLUNTEER);
        AppUser observer = users.add("latency-bot", UUID.randomUUID().toString(), Role.VOLUNTEER);

        List<UploadService.Incoming> web = new ArrayList<>();
        for (int i = 0; i < webFiles; i++) {
            Path source = sources.get(i % sources.size());
            byte[] bytes = RepeatedFolder.copy(source, "hattama bot-latency web " + i);
            String name = String.format(Locale.ROOT, "web-%04d-%s", i, source.getFileName());
            web.add(new UploadService.Incoming() {
                public String name() {
                    return name;
                }

                public void saveTo(Path target) throws IOException {
                    Files.write(target, bytes);
                }
            });
        }
        long batch = uploads.receive(volunteer.id(), UploadStore.Origin.WEB, web).id();
        System.out.printf(Locale.ROOT, "Queued a web upload of %d files (batch %d); waiting until %d are read%n", webFiles, batch, warmup);
        while (webRead(batch) < warmup) {
            Thread.sleep(500);
        }
        int readBefore = webRead(batch);

        List<long[]> sent = new ArrayList<>();
        for (int k = 0; k < photos; k++) {
            String chat = "latency-" + k;
            bot.redeem(messenger.name(), chat, bot.invite(observer.id()), "ru");
            long t0 = System.nanoTime();
            messenger.sentAt.put(chat, t0);
            conversation.handle(messenger, new IncomingMessage(chat, "ru", null,
                    List.of(new IncomingMessage.Attachment("file-" + k, "unique-" + k, "photo.jpg", null)), null));
            sent.add(new long[]{k, t0});
            System.out.printf(Locale.ROOT, "photo %d sent (web files read: %d of %d)%n", k, webRead(batch), webFiles);
            if (k + 1 < photos) {
                Thread.sleep(every * 1000L);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        while (messenger.results.size() < photos && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        int readAfter = webRead(batch);
        List<Double> acks = new ArrayList<>();
        List<Double> results = new ArrayList<>();
        for (long[] s : sent) {
            String chat = "latency-" + s[0];
            Long ack = messenger.acks.get(chat);
            Long result = messenger.results.get(chat);
            double ackS = ack == null ? Double.NaN : (ack - s[1]) / 1e9;
            double resultS = result == null ? Double.NaN : (result - s[1]) / 1e9;
            System.out.printf(Locale.ROOT, "photo %2d: received after %.2f s, reply after %s%n", s[0], ackS,
                    result == null ? "none within " + timeout + " s" : String.format(Locale.ROOT, "%.1f s", resultS));
            if (ack != null) {
                acks.add(ackS);
            }
            if (result != null) {
                results.add(resultS);
            }
        }
        System.out.printf(Locale.ROOT, "%nweb upload: %d files; %d read before the first photo, %d when the last reply came "
                + "(state %s)%n", webFiles, readBefore, readAfter,
                jdbc.queryForObject("select state from upload_batch where id = ?", String.class, batch));
        System.out.printf(Locale.ROOT, "receipt  p50 %.2f s  p95 %.2f s  (%d of %d)%n", percentile(acks, 50),
                percentile(acks, 95), acks.size(), photos);
        System.out.printf(Locale.ROOT, "reply    p50 %.1f s  p95 %.1f s  max %.1f s  (%d of %d)%n", percentile(results, 50),
                percentile(results, 95), percentile(results, 100), results.size(), photos);
        stopWebRun();
        return results.size() == photos ? 0 : 1;
    }

    /**
     * Stops the web upload's run, which is still going, before the command returns: the application closes then, and
     * its OCR engines must not be freed under a running job (a native crash).
     */
    private void stopWebRun() throws InterruptedException {
        // The queue first, or it would continue the stopped run at once.
        queue.stop();
        for (var execution : explorer.findRunningJobExecutions(kz.hattama.batch.DigitizeJobConfiguration.JOB)) {
            execution.setStatus(org.springframework.batch.core.BatchStatus.STOPPING);
            repository.update(execution);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!explorer.findRunningJobExecutions(kz.hattama.batch.DigitizeJobConfiguration.JOB).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** The web upload's files whose outcome is stored (read, rejected or a duplicate). */
    private int webRead(long batch) {
        return jdbc.queryForObject("""
                select count(*) from source_file s join upload_batch b on b.job_instance_id = s.job_instance_id
                 where b.id = ? and s.state <> 'PENDING'""", Integer.class, batch);
    }

    /** Nearest rank. */
    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Telegram's part played in process: downloads are unique copies of the folder's photos, sends are timed. */
    private static final class Timed implements Messenger {
        private final List<Path> images;
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final Map<String, Long> acks = new ConcurrentHashMap<>();
        final Map<String, Long> results = new ConcurrentHashMap<>();

        Timed(List<Path> images) {
            this.images = images;
        }

        @Override
        public String name() {
            return "latency";
        }

        @Override
        public void send(String chatId, String text) {
            long now = System.nanoTime();
            // The first message is the receipt; the next one is the reply with what was read.
            if (acks.putIfAbsent(chatId, now) != null) {
                results.putIfAbsent(chatId, now);
            }
        }

        @Override
        public void download(String fileId, Path target, long maxBytes) throws IOException {
            int k = Integer.parseInt(fileId.substring("file-".length()));
            Files.write(target, RepeatedFolder.copy(images.get(k % images.size()), "hattama bot-latency photo " + k));
        }
    }
}
