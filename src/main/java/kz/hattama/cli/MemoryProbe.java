package kz.hattama.cli;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heap and database size while {@code benchmark} runs: every {@code every}, a full collection, then the heap in use
 * (what is still reachable: a leak grows it, garbage does not), the process's resident memory, the database's size
 * and the files read so far. A flat
 * heap over thousands of files is the evidence that a run of any length fits the heap it was given.
 */
final class MemoryProbe implements AutoCloseable {

    record Sample(double seconds, long files, double heapMb, double rssMb, double databaseMb) {
    }

    private static final double MB = 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long started = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;

    private MemoryProbe(JdbcTemplate jdbc, Duration every) {
        this.jdbc = jdbc;
        sample();
        thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every.toMillis());
                    sample();
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "memory-probe");
        thread.setDaemon(true);
        thread.start();
    }

    static MemoryProbe start(JdbcTemplate jdbc, Duration every) {
        return new MemoryProbe(jdbc, every);
    }

    private void sample() {
        System.gc();
        double heap = memory.getHeapMemoryUsage().getUsed() / MB;
        Long db = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
        Long files = jdbc.queryForObject("select count(*) from source_file where state = 'DONE'", Long.class);
        Sample s = new Sample((System.nanoTime() - started) / 1e9, files, heap, residentMb(), db / MB);
        synchronized (samples) {
            samples.add(s);
        }
    }

    /**
     * The process's resident memory (Linux), where OpenCV's and Tesseract's native buffers show, which the heap does
     * not; NaN elsewhere.
     */
    private static double residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return Double.NaN;
    }

    /** Stops sampling, after one last sample. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
        sample();
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * The samples, then the growth: the heap from the first sample taken after files were read (models and caches
     * loaded) to the last, and the database from the start to the end, also per protocol.
     */
    void print(PrintStream out, long protocols) {
        List<Sample> all = samples();
        out.printf(Locale.ROOT, "%nheap after a full GC and database size (max heap %.0f MB)%n",
                memory.getHeapMemoryUsage().getMax() / MB);
        out.printf(Locale.ROOT, "%10s %8s %10s %10s %10s%n", "seconds", "files", "heap MB", "rss MB", "db MB");
        for (Sample s : all) {
            out.printf(Locale.ROOT, "%10.1f %8d %10.1f %10.1f %10.1f%n", s.seconds(), s.files(), s.heapMb(), s.rssMb(),
                    s.databaseMb());
        }
        Sample first = all.get(0);
        Sample last = all.get(all.size() - 1);
        Sample warm = all.stream().filter(s -> s.files() > 0).findFirst().orElse(last);
        double maxHeap = all.stream().mapToDouble(Sample::heapMb).max().orElse(0);
        out.printf(Locale.ROOT, "%-20s %.1f%n", "heap_warm_mb", warm.heapMb());
        out.printf(Locale.ROOT, "%-20s %.1f%n", "heap_end_mb", last.heapMb());
        out.printf(Locale.ROOT, "%-20s %.1f%n", "heap_max_mb", maxHeap);
        out.printf(Locale.ROOT, "%-20s %+.1f%n", "heap_growth_mb", last.heapMb() - warm.heapMb());
        out.printf(Locale.ROOT, "%-20s %+.1f%n", "rss_growth_mb", last.rssMb() - warm.rssMb());
        out.printf(Locale.ROOT, "%-20s %+.1f%n", "db_growth_mb", last.databaseMb() - first.databaseMb());
        out.printf(Locale.ROOT, "%-20s %.3f%n", "db_mb_per_protocol",
                protocols == 0 ? 0 : (last.databaseMb() - first.databaseMb()) / protocols);
    }
}
