package kz.hattama.recognize;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where the CPU time of a run goes, stage by stage, summed over the threads that did the work: what `benchmark`
 * prints so that speed work starts from a measurement. A thread's CPU time, not the wall clock, so that stages read
 * in parallel are not counted as waiting for each other. Counting costs two clock reads a stage.
 */
public final class StageClock {

    /** The stages of a file's way through, in order. */
    public enum Stage {
        INTAKE("intake (walk, type, hash, store the file)"),
        DECODE("decode (image or PDF page)"),
        NORMALIZE("image (page, perspective, deskew, light)"),
        LAYOUT("layout (rulings, labels)"),
        HEADER("header (language, address)"),
        PRECINCT("precinct number"),
        DIGITS("digits readers"),
        WORDS("words readers"),
        SIGNATURES("signatures"),
        ENCODE("page image (JPEG)"),
        RECONCILE("reconcile"),
        STORE("store"),
        JOIN("join sides");

        private final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<Stage, LongAdder> NANOS = new EnumMap<>(Stage.class);

    static {
        for (Stage s : Stage.values()) {
            NANOS.put(s, new LongAdder());
        }
    }

    private StageClock() {
    }

    public static <T> T time(Stage stage, Supplier<T> work) {
        long start = now();
        try {
            return work.get();
        } finally {
            NANOS.get(stage).add(now() - start);
        }
    }

    public static void time(Stage stage, Runnable work) {
        time(stage, () -> {
            work.run();
            return null;
        });
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** CPU seconds by stage since the last reset. */
    public static Map<Stage, Double> seconds() {
        Map<Stage, Double> out = new EnumMap<>(Stage.class);
        NANOS.forEach((s, n) -> out.put(s, n.sum() / 1e9));
        return out;
    }

    public static void reset() {
        NANOS.values().forEach(LongAdder::reset);
    }

    /** CPU seconds and share by stage, and per protocol, as {@code benchmark} prints them. */
    public static void print(PrintStream out, long protocols) {
        Map<Stage, Double> seconds = seconds();
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        out.println("CPU time by stage (all threads)");
        seconds.forEach((s, sec) -> out.printf(Locale.ROOT, "  %-44s %8.1f s %5.1f %%%n", s.label, sec,
                total == 0 ? 0 : 100 * sec / total));
        out.printf(Locale.ROOT, "  %-44s %8.1f s%n", "total", total);
        if (protocols > 0) {
            out.printf(Locale.ROOT, "  %-44s %8.3f s%n", "per protocol", total / protocols);
        }
    }
}
