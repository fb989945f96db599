package kz.hattama.upload;

import kz.hattama.config.WebProperties;
import kz.hattama.store.UploadStore;
import kz.hattama.users.AppUser;
import kz.hattama.users.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Watches {@code HATTAMA_CONSUME_DIR} for scanners and sync tools: a file that has stopped growing is taken into an
 * upload batch and removed from the folder. A file in a first-level folder named after a user ({@code consume/alice/…})
 * is that user's upload; anything else belongs to nobody and is seen by reviewers and admins.
 *
 * <p>Polling rather than file-system events: a scanner writes a file in pieces and a network share sends no events,
 * so "unchanged since the last look" is the only sign that a file is complete.
 *
 * <p>The folder is writable by scanners and sync tools, so what is in it is not trusted: a symbolic link is never
 * followed (one to {@code /etc/passwd} would otherwise be uploaded and shown), and a file that cannot be read
 * {@link #MAX_FAILURES} times running is moved aside. Both go to {@code .quarantine/} in the folder, each with a
 * {@code NAME.reason.txt} saying why, for a person to look at, instead of being tried every few seconds for ever.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty("hattama.consume-dir")
public class ConsumeFolder extends Poller {

    private static final Logger log = LoggerFactory.getLogger(ConsumeFolder.class);
    private static final long POLL_SECONDS = 5;
    /** Names that sync tools and browsers give to files still being written. */
    private static final List<String> PARTIAL = List.of(".part", ".partial", ".crdownload", ".tmp", ".download");
    static final String QUARANTINE = ".quarantine";
    static final int MAX_FAILURES = 3;

    /** Opens a file of the folder for reading; never through a symbolic link. */
    interface Opener {
        InputStream open(Path file) throws IOException;
    }

    /** Its real path once started, so that a consume folder that is itself a link is watched, not quarantined. */
    private Path folder;
    private final UploadService uploads;
    private final UserStore users;
    private final int perBatch;
    private final Opener opener;
    /** What each file looked like at the last look: size and modification time. */
    private Map<Path, String> lastSeen = new HashMap<>();
    /** Failed reads of each file, in a row. In memory: a restart gives a file three more tries, which is harmless. */
    private final Map<Path, Integer> failures = new HashMap<>();
    /** Files queued but not removable (permissions), as they looked then: not queued again while unchanged. */
    private final Set<String> queuedNotRemoved = new HashSet<>();

    @Autowired
    public ConsumeFolder(WebProperties web, UploadService uploads, UserStore users) {
        this(web, uploads, users, file -> Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS));
    }

    ConsumeFolder(WebProperties web, UploadService uploads, UserStore users, Opener opener) {
        super("consume-folder", POLL_SECONDS);
        this.folder = web.consumeDir().toAbsolutePath().normalize();
        this.uploads = uploads;
        this.users = users;
        this.perBatch = web.maxFilesPerUpload();
        this.opener = opener;
    }

    @Override
    protected void starting() {
        try {
            Files.createDirectories(folder);
            folder = folder.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the consume folder " + folder, e);
        }
        log.info("Watching {} for scans", folder);
    }

    @Override
    protected void poll() {
        look();
    }

    /** One look at the folder; package-private so a test can look without waiting. */
    void look() {
        try {
            Map<Path, String> now = snapshot();
            Map<Optional<String>, List<Path>> settled = new LinkedHashMap<>();
            now.forEach((file, state) -> {
                if (state.equals(lastSeen.get(file)) && !queuedNotRemoved.contains(file + "@" + state)) {
                    settled.computeIfAbsent(owner(file), o -> new ArrayList<>()).add(file);
                }
            });
            lastSeen = now;
            failures.keySet().retainAll(now.keySet());
            settled.forEach(this::take);
        } catch (IOException | RuntimeException e) {
            log.error("Looking at the consume folder {} failed; trying again in {} s", folder, POLL_SECONDS, e);
        }
    }

    /** The regular files to consider, with their state; symbolic links found on the way are quarantined. */
    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> out = new HashMap<>();
        List<Path> links = new ArrayList<>();
        // walkFileTree follows no links: a linked folder is visited as the link, not entered.
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                // Hidden folders (the quarantine, a sync tool's own) are not the scanners' output.
                return !dir.equals(folder) && ignored(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                if (a.isSymbolicLink()) {
                    links.add(f);
                } else if (a.isRegularFile() && !ignored(f)) {
                    out.put(f, a.size() + "@" + a.lastModifiedTime().toMillis());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                log.warn("Cannot look at {} in the consume folder", f, e);
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path link : links) {
            quarantine(link, "a symbolic link; the consume folder never follows links, so it was not read");
        }
        return out;
    }

    private static boolean ignored(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~$") || PARTIAL.stream().anyMatch(name::endsWith);
    }

    /** The login of a first-level folder that names an enabled user. */
    private Optional<String> owner(Path file) {
        Path rel = folder.relativize(file);
        if (rel.getNameCount() < 2) {
            return Optional.empty();
        }
        String first = rel.getName(0).toString();
        return users.byLogin(first).filter(AppUser::enabled).map(AppUser::login);
    }

    private void take(Optional<String> owner, List<Path> files) {
        Path base = owner.map(folder::resolve).orElse(folder);
        Long userId = owner.flatMap(users::byLogin).map(AppUser::id).orElse(null);
        for (int from = 0; from < files.size(); from += perBatch) {
            List<Path> part = files.subList(from, Math.min(files.size(), from + perBatch));
            try {
                queue(userId, base, part);
            } catch (UploadException e) {
                if (unreadable(e) == null) {
                    throw e;
                }
                // Which file cannot be read? Each alone, so that one bad file holds up none of the others.
                for (Path f : part) {
                    try {
                        queue(userId, base, List.of(f));
                    } catch (UploadException alone) {
                        failedToRead(f, alone);
                    }
                }
            }
        }
    }

    private void queue(Long userId, Path base, List<Path> part) {
        List<UploadService.Incoming> incoming = part.stream()
                .map(f -> (UploadService.Incoming) new Copied(base.relativize(f).toString(), f)).toList();
        // Copied, then removed once queued: a failure half-way leaves the scans where the scanner put them.
        UploadStore.Batch batch = uploads.receive(userId, UploadStore.Origin.CONSUME, incoming);
        for (Path f : part) {
            failures.remove(f);
            try {
                Files.deleteIfExists(f);
                lastSeen.remove(f);
            } catch (IOException e) {
                queuedNotRemoved.add(f + "@" + lastSeen.get(f));
                log.warn("Queued {} as batch {} but cannot remove it from the consume folder; it is not queued again"
                        + " while it stays unchanged", f, batch.id(), e);
            }
        }
        log.info("Queued {} file(s) from the consume folder as batch {}", part.size(), batch.id());
    }

    private void failedToRead(Path f, UploadException e) {
        Unreadable cause = unreadable(e);
        if (cause == null) {
            throw e;
        }
        int n = failures.merge(f, 1, Integer::sum);
        log.warn("Cannot read {} from the consume folder ({} of {} tries)", f, n, MAX_FAILURES, cause);
        if (n >= MAX_FAILURES) {
            failures.remove(f);
            quarantine(f, "could not be read " + n + " times running: " + cause.getCause());
        }
    }

    /**
     * The cause when a file of the folder could not be read; null for a failure that is not the file's (the disk of
     * the uploads folder full, the database away), after which every file is simply tried again.
     */
    private static Unreadable unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Unreadable u) {
                return u;
            }
        }
        return null;
    }

    /** Moves {@code f} (the link itself, for a link) under {@code .quarantine/} with a note saying why. */
    private void quarantine(Path f, String reason) {
        Path rel = folder.relativize(f);
        Path target = folder.resolve(QUARANTINE).resolve(rel);
        try {
            Files.createDirectories(target.getParent());
            for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
                target = target.resolveSibling(rel.getFileName() + " (" + n + ")");
            }
            Files.move(f, target);
            Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                    rel + "\n" + Instant.now() + "\n" + reason + "\n", StandardCharsets.UTF_8);
            lastSeen.remove(f);
            log.warn("Moved {} from the consume folder to {}: {}", rel, target, reason);
        } catch (IOException e) {
            log.error("Cannot move {} out of the consume folder ({}); it is left where it is", f, reason, e);
        }
    }

    /** A file of the folder that could not be opened for reading. */
    private static final class Unreadable extends IOException {
        Unreadable(Path file, IOException cause) {
            super("cannot read " + file, cause);
        }
    }

    private final class Copied implements UploadService.Incoming {
        private final String name;
        private final Path source;

        Copied(String name, Path source) {
            this.name = name;
            this.source = source;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void saveTo(Path target) throws IOException {
            InputStream in;
            try {
                // The file or a folder above it may have been swapped for a link since the look.
                if (!source.toRealPath().startsWith(folder.toRealPath())) {
                    throw new IOException("outside the consume folder through a symbolic link: " + source.toRealPath());
                }
                in = opener.open(source);
            } catch (IOException e) {
                throw new Unreadable(source, e);
            }
            try (in) {
                Files.copy(in, target);
            }
            Files.setLastModifiedTime(target, Files.getLastModifiedTime(source, LinkOption.NOFOLLOW_LINKS));
        }
    }
}
