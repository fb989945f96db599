package kz.hattama.upload;

import kz.hattama.config.WebProperties;
import kz.hattama.store.UploadStore;
import kz.hattama.users.AppUser;
import kz.hattama.users.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Watches {@code HATTAMA_CONSUME_DIR} for scanners and sync tools: a file that has stopped growing is taken into an
 * upload batch and removed from the folder. A file in a first-level folder named after a user ({@code consume/alice/…})
 * is that user's upload; anything else belongs to nobody and is seen by reviewers and admins.
 *
 * <p>Polling rather than file-system events: a scanner writes a file in pieces and a network share sends no events,
 * so "unchanged since the last look" is the only sign that a file is complete.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty("hattama.consume-dir")
public class ConsumeFolder extends Poller {

    private static final Logger log = LoggerFactory.getLogger(ConsumeFolder.class);
    private static final long POLL_SECONDS = 5;
    /** Names that sync tools and browsers give to files still being written. */
    private static final List<String> PARTIAL = List.of(".part", ".partial", ".crdownload", ".tmp", ".download");

    private final Path folder;
    private final UploadService uploads;
    private final UserStore users;
    private final int perBatch;
    /** What each file looked like at the last look: size and modification time. */
    private Map<Path, String> lastSeen = new HashMap<>();

    public ConsumeFolder(WebProperties web, UploadService uploads, UserStore users) {
        super("consume-folder", POLL_SECONDS);
        this.folder = web.consumeDir().toAbsolutePath().normalize();
        this.uploads = uploads;
        this.users = users;
        this.perBatch = web.maxFilesPerUpload();
    }

    @Override
    protected void starting() {
        try {
            Files.createDirectories(folder);
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
                if (state.equals(lastSeen.get(file))) {
                    settled.computeIfAbsent(owner(file), o -> new ArrayList<>()).add(file);
                }
            });
            lastSeen = now;
            settled.forEach(this::take);
        } catch (IOException | RuntimeException e) {
            log.error("Looking at the consume folder {} failed; trying again in {} s", folder, POLL_SECONDS, e);
        }
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.startsWith(".") || name.startsWith("~$") || PARTIAL.stream().anyMatch(name::endsWith)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    out.put(f, a.size() + "@" + a.lastModifiedTime().toMillis());
                }
            }
        }
        return out;
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
            List<UploadService.Incoming> incoming = part.stream()
                    .map(f -> (UploadService.Incoming) new Copied(base.relativize(f).toString(), f)).toList();
            // Copied, then removed once queued: a failure half-way leaves the scans where the scanner put them.
            UploadStore.Batch batch = uploads.receive(userId, UploadStore.Origin.CONSUME, incoming);
            for (Path f : part) {
                try {
                    Files.deleteIfExists(f);
                    lastSeen.remove(f);
                } catch (IOException e) {
                    log.warn("Queued {} as batch {} but cannot remove it from the consume folder", f, batch.id(), e);
                }
            }
            log.info("Queued {} file(s) from the consume folder as batch {}", part.size(), batch.id());
        }
    }

    private record Copied(String name, Path source) implements UploadService.Incoming {
        @Override
        public void saveTo(Path target) throws IOException {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
