package kz.hattama.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Drives a running {@code serve} through its REST API as many volunteers at once would: each client uploads its
 * files one request at a time, then every file's outcome is awaited. Each file is a sample protocol made unique
 * (a PNG text chunk or a JPEG comment with the client and file number), so none is a duplicate of another. Talks to
 * the one URL given, sends a bounded number of files and gives up after a bounded time.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = "Uploads CLIENTS x FILES unique protocol images to a running serve through the REST API and "
                + "reports how many were accepted, stored, read and lost, and latency percentiles.")
public class LoadTestCommand implements java.util.concurrent.Callable<Integer> {

    private static final int MAX_CLIENTS = 100;
    private static final int MAX_FILES = 10_000;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "URL", description = "Where serve answers, e.g. http://127.0.0.1:8080")
    URI url;

    @Option(names = "--clients", defaultValue = "10", description = "Uploaders at once (at most 100). Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--files", defaultValue = "100", description = "Files each client uploads, one a request. Default: ${DEFAULT-VALUE}.")
    int files;

    @Option(names = "--token", description = "An API token (Account page).")
    String token;

    @Option(names = "--user", description = "Log in as this user instead; a token is made for the run and revoked after.")
    String user;

    @Option(names = "--password", description = "The user's password.")
    String password;

    @Option(names = "--source", defaultValue = "sample-scans",
            description = "Folder whose PNG and JPEG protocols are sent, made unique. Default: ${DEFAULT-VALUE}.")
    Path source;

    @Option(names = "--timeout", defaultValue = "3600",
            description = "Seconds to wait, after the last upload, for every file's outcome. Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1).build();

    /** An upload the server accepted, and when its outcome was first seen. */
    static final class Accepted {
        final long id;
        final long sentNanos;
        volatile JsonNode last;
        volatile long doneNanos;
        /** The server answered 404: it no longer knows an upload it accepted. */
        volatile boolean gone;

        Accepted(long id, long sentNanos) {
            this.id = id;
            this.sentNanos = sentNanos;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || clients > MAX_CLIENTS || files < 1 || clients * files > MAX_FILES) {
            System.err.println("--clients 1.." + MAX_CLIENTS + ", --files at least 1, at most " + MAX_FILES + " files in all");
            return 2;
        }
        if ((token == null) == (user == null) || user != null && password == null) {
            System.err.println("Give --token, or --user with --password");
            return 2;
        }
        List<Sample> samples = samples(source);
        if (samples.isEmpty()) {
            System.err.println("No PNG or JPEG files in " + source);
            return 2;
        }
        Long madeToken = null;
        if (user != null) {
            JsonNode made = logInAndMakeToken();
            token = made.path("secret").asText();
            madeToken = made.path("token").path("id").asLong();
        }
        try {
            return run(samples, System.out);
        } finally {
            if (madeToken != null) {
                send(HttpRequest.newBuilder(url.resolve("/api/tokens/" + madeToken)).DELETE(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private int run(List<Sample> samples, PrintStream out) throws InterruptedException {
        Map<Long, Accepted> accepted = new ConcurrentSkipListMap<>();
        List<Long> uploadNanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        CountDownLatch sent = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    for (int f = 0; f < files; f++) {
                        Sample sample = samples.get((client * files + f) % samples.size());
                        String name = String.format(Locale.ROOT, "loadtest-c%02d-%04d.%s", client, f, sample.extension());
                        byte[] body = sample.unique("hattama loadtest " + started + " client " + client + " file " + f);
                        long t0 = System.nanoTime();
                        String outcome = upload(name, body, accepted, t0);
                        uploadNanos.add(System.nanoTime() - t0);
                        if (outcome != null) {
                            refused.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                } finally {
                    sent.countDown();
                }
            }, "loadtest-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        // Outcomes come in queue order: the oldest uploads waiting are the ones worth asking about.
        long deadline = Long.MAX_VALUE;
        while (true) {
            if (deadline == Long.MAX_VALUE && sent.getCount() == 0) {
                deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            }
            List<Accepted> waiting = accepted.values().stream().filter(a -> a.doneNanos == 0).limit(clients).toList();
            if (waiting.isEmpty() && sent.getCount() == 0 || System.nanoTime() > deadline) {
                break;
            }
            waiting.forEach(this::look);
            Thread.sleep(POLL.toMillis());
        }
        // One last look at every upload still open, so that a file done since is not counted lost.
        accepted.values().stream().filter(a -> a.doneNanos == 0).forEach(this::look);
        report(accepted.values(), uploadNanos, refused, (System.nanoTime() - started) / 1e9, out);
        long withoutOutcome = accepted.values().stream()
                .mapToLong(a -> filesOf(a).stream().filter(f -> f.path("outcomes").isEmpty()).count()).sum();
        return withoutOutcome == 0 && refused.isEmpty() && duplicates(accepted.values()) == 0 ? 0 : 1;
    }

    /** @return null when accepted, else why not (the HTTP status or the error) */
    private String upload(String name, byte[] bytes, Map<Long, Accepted> accepted, long t0) {
        String boundary = "hattama-loadtest-" + Long.toHexString(System.nanoTime());
        String type = name.endsWith(".png") ? "image/png" : "image/jpeg";
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 256);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(url.resolve("/api/uploads"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                return "HTTP " + r.statusCode();
            }
            JsonNode upload = JSON.readTree(r.body());
            accepted.put(upload.path("id").asLong(), new Accepted(upload.path("id").asLong(), t0));
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void look(Accepted a) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(url.resolve("/api/uploads/" + a.id)).GET(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                a.gone = true;
            }
            if (r.statusCode() != 200) {
                return;
            }
            a.gone = false;
            JsonNode upload = JSON.readTree(r.body());
            a.last = upload;
            String state = upload.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                a.doneNanos = System.nanoTime();
            }
        } catch (IOException e) {
            // the server is busy or restarting: asked again at the next look
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean stillOpen(Accepted a) {
        return !a.gone && a.doneNanos == 0 && a.last != null;
    }

    private static List<JsonNode> filesOf(Accepted a) {
        List<JsonNode> out = new ArrayList<>();
        if (a.last != null) {
            a.last.path("files").forEach(out::add);
        }
        return out.isEmpty() ? List.of(JSON.createObjectNode()) : out;
    }

    private static long duplicates(Iterable<Accepted> accepted) {
        long n = 0;
        for (Accepted a : accepted) {
            for (JsonNode f : filesOf(a)) {
                for (JsonNode o : f.path("outcomes")) {
                    n += "DUPLICATE".equals(o.path("rejection").asText()) ? 1 : 0;
                }
            }
        }
        return n;
    }

    private void report(java.util.Collection<Accepted> accepted, List<Long> uploadNanos, Map<String, AtomicInteger> refused,
                        double seconds, PrintStream out) {
        long stored = 0;
        long read = 0;
        long rejected = 0;
        long lost = 0;
        long waiting = 0;
        List<Long> toOutcome = new ArrayList<>();
        for (Accepted a : accepted) {
            for (JsonNode f : filesOf(a)) {
                JsonNode outcomes = f.path("outcomes");
                if (outcomes.isEmpty()) {
                    // A file of an upload the server still has open is queued or being read, not lost: the
                    // timeout ran out before it. Lost is a finished upload without the file's outcome, or one the
                    // server no longer knows.
                    if (stillOpen(a)) {
                        waiting++;
                    } else {
                        lost++;
                    }
                    continue;
                }
                stored++;
                boolean anyRead = false;
                for (JsonNode o : outcomes) {
                    anyRead |= !"REJECTED".equals(o.path("status").asText());
                }
                if (anyRead) {
                    read++;
                } else {
                    rejected++;
                }
            }
            if (a.doneNanos != 0) {
                toOutcome.add(a.doneNanos - a.sentNanos);
            }
        }
        int total = clients * files;
        out.printf(Locale.ROOT, "loadtest %s: %d clients x %d files = %d uploads, %.1f s%n", url, clients, files, total, seconds);
        out.printf(Locale.ROOT, "%-22s %8d%n", "accepted (202)", accepted.size());
        refused.forEach((why, n) -> out.printf(Locale.ROOT, "%-22s %8d%n", "not accepted: " + why, n.get()));
        out.printf(Locale.ROOT, "%-22s %8d%n", "stored", stored);
        out.printf(Locale.ROOT, "%-22s %8d%n", "read as protocols", read);
        out.printf(Locale.ROOT, "%-22s %8d%n", "rejected", rejected);
        out.printf(Locale.ROOT, "%-22s %8d%n", "  of them duplicates", duplicates(accepted));
        out.printf(Locale.ROOT, "%-22s %8d%n", "still queued at timeout", waiting);
        out.printf(Locale.ROOT, "%-22s %8d%n", "lost", lost);
        out.print(percentiles("upload request", uploadNanos, 1e6, "ms"));
        out.print(percentiles("time to outcome", toOutcome, 1e9, "s"));
        out.printf(Locale.ROOT, "%-22s %8.2f%n", "files/s", stored / Math.max(seconds, 1e-9));
    }

    static String percentiles(String what, List<Long> nanos, double unit, String unitName) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        sorted.sort(Comparator.naturalOrder());
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "%-22s %8s%n", what, "-");
        }
        return String.format(Locale.ROOT, "%-22s p50 %.1f %s, p95 %.1f %s, p99 %.1f %s, max %.1f %s (%d)%n", what,
                rank(sorted, 0.50) / unit, unitName, rank(sorted, 0.95) / unit, unitName, rank(sorted, 0.99) / unit,
                unitName, sorted.get(sorted.size() - 1) / unit, unitName, sorted.size());
    }

    /** Nearest-rank percentile of sorted values. */
    static long rank(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        request.timeout(REQUEST_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), body);
    }

    /** Logs in with the form as a browser does, then makes an API token for the run. */
    private JsonNode logInAndMakeToken() throws IOException, InterruptedException {
        String csrf = csrf("/login");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(url.resolve("/login")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String where = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || where.contains("error")) {
            throw new IllegalStateException("Cannot log in as " + user + " at " + url + " (HTTP " + login.statusCode() + ")");
        }
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(url.resolve("/api/tokens")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf("/account"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"loadtest\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (made.statusCode() != 201) {
            throw new IllegalStateException("Cannot make an API token (HTTP " + made.statusCode() + ")");
        }
        return JSON.readTree(made.body());
    }

    private String csrf(String page) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve(page)).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = META_CSRF.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on " + url.resolve(page) + " (HTTP " + r.statusCode() + ")");
        }
        return m.group(1);
    }

    public static List<Sample> samples(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            List<Sample> out = new ArrayList<>();
            for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")) {
                    out.add(new Sample(Files.readAllBytes(p), n.endsWith(".png") ? "png" : "jpg"));
                }
            }
            return out;
        }
    }

    /** A protocol image that can be made unique without changing a pixel. */
    public record Sample(byte[] bytes, String extension) {

        private static final int PNG_IHDR_END = 8 + 4 + 4 + 13 + 4;

        public byte[] unique(String text) {
            return extension.equals("png") ? withPngText(text) : withJpegComment(text);
        }

        /** A tEXt chunk right after IHDR. */
        private byte[] withPngText(String text) {
            byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
            ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
            chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
            CRC32 crc = new CRC32();
            crc.update(chunk.array(), 4, 4 + data.length);
            chunk.putInt((int) crc.getValue());
            return splice(PNG_IHDR_END, chunk.array());
        }

        /** A COM segment right after SOI. */
        private byte[] withJpegComment(String text) {
            byte[] data = text.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer segment = ByteBuffer.allocate(4 + data.length);
            segment.put((byte) 0xFF).put((byte) 0xFE).putShort((short) (data.length + 2)).put(data);
            return splice(2, segment.array());
        }

        private byte[] splice(int at, byte[] insert) {
            byte[] out = new byte[bytes.length + insert.length];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
            return out;
        }
    }
}
