package kz.hattama.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server from zonky's bundled binaries, on a data directory that outlives the JVM, so that
 * a second run of the command line sees what the first one stored.
 */
public final class LocalPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

    /** zonky holds this file locked while its server runs; a live holder means another process owns the directory. */
    private static final String ZONKY_LOCK = "epg-lock";
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(60);

    private LocalPostgres() {
    }

    /** @param port 0 for any free port */
    public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        stopStaleServer(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // Spring closes the server after the pool on context shutdown; zonky's own hook would race it.
                .setRegisterShutdownHook(false)
                // zonky tunes for throw-away test databases; these are the volunteers' uploads.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Crash recovery after a killed run replays WAL before the server accepts connections.
                .setPGStartupWait(Duration.ofMinutes(2));
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * A JVM killed with {@code kill -9} leaves its postmaster running and {@code postmaster.pid} behind, and the
     * next start fails on it. The server is ours to stop only when no live process holds zonky's lock.
     */
    static void stopStaleServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        requireUnused(dataDir);
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            Files.deleteIfExists(pidFile);
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        Optional<String> command = process.flatMap(p -> p.info().command());
        if (process.isEmpty() || command.isPresent() && !isPostgres(command.get())) {
            // Left by a server that is gone (a reboot), and postgres refuses to start while the pid names a live process.
            LOG.info("Removing stale {} (process {} is not a running postgres)", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        if (command.isEmpty()) {
            return; // cannot tell what the process is: leave it to postgres' own check
        }
        ProcessHandle postmaster = process.get();
        LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by a process that ended without closing it", pid, dataDir);
        // SIGTERM is a smart shutdown; the killed JVM's sessions are already closed, so it does not wait on them.
        postmaster.destroy();
        try {
            postmaster.onExit().get(STALE_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") on " + dataDir + " did not stop within "
                    + STALE_STOP_WAIT.toSeconds() + " s; stop it and run again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + pid, e);
        } catch (ExecutionException e) {
            throw new IOException("cannot wait for PostgreSQL pid " + pid, e);
        }
    }

    private static void requireUnused(Path dataDir) throws IOException {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(ZONKY_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir);
        }
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException("The database in " + dataDir + " is in use by another running Hattama; "
                + "wait for it to finish or set HATTAMA_DATA_DIR to another folder");
    }

    private static boolean isPostgres(String command) {
        return command.equals("postgres") || command.endsWith("/postgres");
    }
}
