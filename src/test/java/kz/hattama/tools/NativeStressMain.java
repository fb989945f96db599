package kz.hattama.tools;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.ingest.FileTypes;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.recognize.PageRecognizer;
import kz.hattama.recognize.RecognitionConfiguration;
import org.opencv.core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Dev tool for native-memory lifetime bugs (a Mat finalized while native code still uses it, a pointer freed twice):
 * reads a folder's pictures over and over on several threads through one recognizer, as the batch does, while another
 * thread forces a collection and runs the finalizers every few milliseconds, so that an object that is unreachable
 * too early is freed at the worst moment. Run it with a small heap and glibc's checks, e.g.
 * {@code MALLOC_CHECK_=3 MALLOC_PERTURB_=165 java -Xmx256m -Xmn16m -cp ... NativeStressMain FOLDER SECONDS [THREADS] [GC_MS]}
 * (GC_MS 0: no forced full collections but garbage without pause, hence a young collection every few ms); a crash
 * leaves an hs_err file whose Java frames name the call, and a picture read differently from its first reading says
 * memory was overwritten without a crash.
 */
public final class NativeStressMain {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long gcMillis = args.length > 3 ? Long.parseLong(args[3]) : 20;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().matches(".*\\.(jpg|jpeg|png|pdf)$")).sorted().forEach(files::add);
        }
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files) {
            contents.add(Files.readAllBytes(f));
        }
        HattamaProperties props = HattamaProperties.defaults();
        RecognitionConfiguration cfg = new RecognitionConfiguration();
        FormDefinition form = cfg.form(props);
        PageRecognizer recognizer = cfg.pageRecognizer(form, props);
        PageDecoder decoder = new PageDecoder(200, 10, 600);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger differ = new AtomicInteger();
        java.util.Map<Integer, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
        Thread collector = new Thread(() -> {
            byte[][] ring = new byte[8][];
            long n = 0;
            while (!stop.get()) {
                if (gcMillis == 0) {
                    // Garbage as fast as it comes: a young collection every few milliseconds (run with a small -Xmn),
                    // each short, so that finalizers run while a long native call is still at work.
                    ring[(int) (n++ % ring.length)] = new byte[64 * 1024];
                    continue;
                }
                System.gc();
                System.runFinalization();
                try {
                    Thread.sleep(gcMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "collector");
        collector.setDaemon(true);
        collector.start();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    int i = next.getAndIncrement() % files.size();
                    byte[] bytes = contents.get(i);
                    try {
                        PageDecoder.Pages pages = decoder.decode(bytes, FileTypes.detect(bytes, files.get(i).toString()));
                        StringBuilder print = new StringBuilder(String.valueOf(pages.rejection()));
                        for (Mat picture : pages.pages()) {
                            PageRecognizer.Reading r = recognizer.read(picture);
                            print.append(r.page()).append(r.rejection()).append(r.turn())
                                    .append(java.util.Arrays.hashCode(r.pageImage()));
                            picture.release();
                        }
                        // Reading is deterministic: another result for the same bytes means memory was overwritten.
                        String first = seen.putIfAbsent(i, print.toString());
                        if (first != null && !first.equals(print.toString())) {
                            System.out.println(files.get(i).getFileName() + ": read differently this time (" + differ.incrementAndGet()
                                    + " so far)");
                        }
                    } catch (Exception e) {
                        System.out.println(files.get(i).getFileName() + ": " + e);
                    }
                    int n = done.incrementAndGet();
                    if (n % 10 == 0) {
                        System.out.printf("%d files, %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
                    }
                }
            }, "worker-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        stop.set(true);
        System.out.printf("done: %d files in %.0f s without a crash, %d read differently from their first reading%n", done.get(),
                (System.nanoTime() - t0) / 1e9, differ.get());
        recognizer.close();
    }
}
