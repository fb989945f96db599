package kz.hattama.tools;

import kz.hattama.protocol.ReviewReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.ingest.FileTypes;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.protocol.FieldReading;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.PageReading;
import kz.hattama.recognize.PageRecognizer;
import kz.hattama.recognize.RecognitionConfiguration;
import kz.hattama.reconcile.Reconciler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Developer loop without a database: reads every protocol of a folder that has a truth.jsonl and
 * prints each misread field and accuracy by kind. Usage: ReadFolderMain FOLDER [THREADS]
 */
public final class ReadFolderMain {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        HattamaProperties props = HattamaProperties.defaults();
        RecognitionConfiguration cfg = new RecognitionConfiguration();
        FormDefinition form = cfg.form(props);
        PageRecognizer recognizer = cfg.pageRecognizer(form, props);
        PageDecoder decoder = new PageDecoder(200, 10, 600);
        Reconciler reconciler = new Reconciler(form, props.verifyDigits(), props.verifyWords(), props.verifyDoubt(),
                props.verifyWordsCheck(), props.verifyPrecinct(), props.verifyWeakWordsCheck());
        Map<String, PageReading> readings = new java.util.concurrent.ConcurrentHashMap<>();
        String dump = System.getProperty("dump");
        List<String> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> truth = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("truth.jsonl"))) {
            truth.add(json.readTree(line));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<PageOutcome>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        String only = System.getProperty("only");
        truth.removeIf(t -> only != null && !t.get("file").asText().startsWith(only));
        for (JsonNode t : truth) {
            futures.add(pool.submit(() -> {
                byte[] bytes = Files.readAllBytes(dir.resolve(t.get("file").asText()));
                PageDecoder.Pages pages = decoder.decode(bytes, FileTypes.detect(bytes, t.get("file").asText()));
                if (pages.rejection() != null) {
                    return PageOutcome.rejected(0, pages.rejection());
                }
                PageRecognizer.Reading r = recognizer.read(pages.pages().get(0));
                if (r.rejection() != null) {
                    return PageOutcome.rejected(1, r.rejection());
                }
                if (only != null) {
                    r.page().fields().values().forEach(f -> System.out.println(f.key() + " d=" + f.digits() + " w=" + f.words()
                            + " check=" + f.wordsCheck()));
                }
                readings.put(t.get("file").asText(), r.page());
                return PageOutcome.read(1, reconciler.reconcile(r.page()));
            }));
        }
        Map<String, int[]> byKind = new TreeMap<>();
        int verified = 0, verifiedWrong = 0, precinctOk = 0, precinctVerifiedWrong = 0, sure = 0, sureWrong = 0;
        for (int i = 0; i < truth.size(); i++) {
            JsonNode t = truth.get(i);
            PageOutcome o = futures.get(i).get();
            String kind = (t.get("handwritten").asBoolean() ? "hand" : "typed") + "/" + t.get("capture").asText();
            int[] k = byKind.computeIfAbsent(kind, x -> new int[3]);
            String file = t.get("file").asText();
            if (o.isRejected()) {
                System.out.println(file + " REJECTED " + o.rejection().code());
                k[1] += 12;
                continue;
            }
            boolean precinctRight = t.get("precinct").asText().equals(o.protocol().precinct());
            precinctOk += precinctRight ? 1 : 0;
            precinctVerifiedWrong += !precinctRight && o.protocol().precinctStatus() == FieldStatus.VERIFIED ? 1 : 0;
            StringBuilder sb = new StringBuilder();
            if (!precinctRight || o.protocol().precinctStatus() != FieldStatus.VERIFIED) {
                sb.append(String.format("   precinct %s %.3f [%s]%n", o.protocol().precinctStatus(),
                        o.protocol().precinctConfidence(), ReviewReason.english(o.protocol().precinctReasons())));
                readings.get(file).precinct().forEach(l -> sb.append(String.format("      %-16s %-6s %.3f%s%s%n",
                        l.reader(), l.value(), l.confidence(), l.anchored() ? " anchored" : "", l.clear() ? "" : " INK")));
            }
            int ok = 0;
            for (FieldResult f : o.protocol().fields().values()) {
                int expected = expected(t, f.key());
                boolean right = f.value() != null && f.value() == expected;
                ok += right ? 1 : 0;
                if (f.confidence() >= 0.99) {
                    sure++;
                    sureWrong += right ? 0 : 1;
                }
                if (f.status() == FieldStatus.VERIFIED) {
                    verified++;
                    verifiedWrong += right ? 0 : 1;
                }
                FieldReading fr = readings.get(file).fields().get(f.key());
                Integer d0 = fr.digits().isEmpty() ? null : fr.digits().get(0).value();
                rows.add(String.join("\t", file, kind, t.get("violation").isNull() ? "" : t.get("violation").asText(),
                        f.key(), String.valueOf(expected), String.valueOf(f.value()), String.valueOf(d0),
                        fr.digits().isEmpty() ? "0" : String.format("%.4f", fr.digits().get(0).probability()),
                        String.valueOf(fr.words().isEmpty() ? null : fr.words().get(0).value()),
                        fr.words().isEmpty() ? "0" : String.format("%.4f", fr.words().get(0).probability()),
                        d0 == null ? "0" : String.format("%.6f", fr.wordsCheck()),
                        f.status().name(), String.valueOf(ReviewReason.english(f.reasons()))));
                if (!right || f.status() != FieldStatus.VERIFIED) {
                    sb.append(String.format("   %-20s want %6d got %6s d=%-6s w=%-6s %s c=%.3f [%s] «%s» «%s»%n", f.key(), expected,
                            f.value(), f.digits(), f.words(), right ? "ok " : "BAD", f.confidence(), ReviewReason.english(f.reasons()), f.digitsText(),
                            f.wordsText()));
                }
            }
            k[0] += ok;
            k[1] += 12;
            k[2] += ok == 12 ? 1 : 0;
            System.out.printf("%s %s %s lang=%s precinct=%s/%s %d/12 %s viol=%s failed=%s%n%s", file, kind, o.protocol().status(),
                    o.protocol().lang(), o.protocol().precinct(), t.get("precinct").asText(), ok, t.get("lang").asText(),
                    t.get("violation"), o.protocol().failedChecks().stream().map(c -> c.id() + ":" + c.detail()).toList(), sb);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        int all = 0, right = 0;
        for (var e : byKind.entrySet()) {
            System.out.printf("%-12s fields %d/%d  protocols %d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            all += e.getValue()[1];
            right += e.getValue()[0];
        }
        System.out.printf("field accuracy %.4f, verified %d (wrong %d), confidence>=0.99 %d (wrong %d), precinct %d/%d"
                        + " (VERIFIED wrong %d), %.2f s, %.2f protocols/s%n", right / (double) all, verified, verifiedWrong,
                sure, sureWrong, precinctOk, truth.size(), precinctVerifiedWrong, secs, truth.size() / secs);
        if (dump != null) {
            Files.write(Path.of(dump), rows);
        }
        recognizer.close();
    }

    private static int expected(JsonNode t, String key) {
        if (key.startsWith("party_")) {
            return t.get("parties").get(Integer.parseInt(key.substring(6)) - 1).get("votes").asInt();
        }
        return t.get("fields").get(key).asInt();
    }
}
