package kz.hattama.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.ingest.FileTypes;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.reconcile.PrecinctJudge;
import kz.hattama.reconcile.PrecinctLook;
import kz.hattama.reconcile.PrecinctResult;
import kz.hattama.recognize.PageRecognizer;
import kz.hattama.recognize.RecognitionConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Developer loop for the precinct number: reads every protocol of a folder with a truth.jsonl and prints each look
 * at its number, the judgment, and how many were VERIFIED wrong. Usage: PrecinctLooksMain FOLDER [THREADS]
 */
public final class PrecinctLooksMain {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        HattamaProperties props = HattamaProperties.defaults();
        RecognitionConfiguration cfg = new RecognitionConfiguration();
        FormDefinition form = cfg.form(props);
        PageDecoder decoder = new PageDecoder(200, 10, 600);
        PrecinctJudge judge = new PrecinctJudge(props.verifyPrecinct());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> truth = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("truth.jsonl"))) {
            truth.add(json.readTree(line));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (PageRecognizer recognizer = cfg.pageRecognizer(form, props)) {
            List<Future<List<PrecinctLook>>> futures = new ArrayList<>();
            for (JsonNode t : truth) {
                futures.add(pool.submit(() -> {
                    String file = t.get("file").asText();
                    byte[] bytes = Files.readAllBytes(dir.resolve(file));
                    PageDecoder.Pages pages = decoder.decode(bytes, FileTypes.detect(bytes, file));
                    PageRecognizer.Reading r = pages.rejection() != null ? null : recognizer.read(pages.pages().get(0));
                    return r == null || r.page() == null ? List.<PrecinctLook>of() : r.page().precinct();
                }));
            }
            int right = 0, verified = 0, verifiedWrong = 0;
            for (int i = 0; i < truth.size(); i++) {
                JsonNode t = truth.get(i);
                List<PrecinctLook> looks = futures.get(i).get();
                PrecinctResult p = judge.judge(looks);
                String expected = t.get("precinct").asText();
                boolean ok = expected.equals(p.value());
                right += ok ? 1 : 0;
                verified += p.sure() ? 1 : 0;
                verifiedWrong += p.sure() && !ok ? 1 : 0;
                System.out.printf("%s %s truth=%s got=%s %s %.3f %s%n", ok ? "  " : "XX", t.get("file").asText(), expected,
                        p.value(), p.status(), p.confidence(), p.reason() == null ? "" : p.reason());
                for (PrecinctLook l : looks) {
                    System.out.printf("      %-16s %-6s %.3f %s%n", l.reader(), l.value(), l.confidence(), l.anchored() ? "anchored" : "");
                }
            }
            System.out.printf("precinct right %d/%d, VERIFIED %d, VERIFIED wrong %d%n", right, truth.size(), verified, verifiedWrong);
        } finally {
            pool.shutdown();
        }
    }
}
