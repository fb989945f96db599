package kz.hattama.upload;

import kz.hattama.config.WebProperties;
import kz.hattama.store.StoreProperties;
import kz.hattama.store.UploadStore;
import kz.hattama.users.Role;
import kz.hattama.users.UserStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Takes files from the web page, the API and the consume folder alike: saves them into a folder of their own under
 * the data folder and queues that folder for digitizeJob. The request returns at once; reading happens in the queue.
 */
@Service
public class UploadService {

    private final UploadStore uploads;
    private final ApplicationEventPublisher events;
    private final Path root;
    private final UserStore users;
    private final int maxFiles;
    private final int quotaFiles;
    private final long quotaBytes;

    public UploadService(UploadStore uploads, UserStore users, ApplicationEventPublisher events, StoreProperties store,
                         WebProperties web) {
        this.uploads = uploads;
        this.users = users;
        this.events = events;
        this.root = uploadsFolder(store);
        this.maxFiles = web.maxFilesPerUpload();
        this.quotaFiles = web.quotaFiles();
        this.quotaBytes = web.quotaMb() * 1024L * 1024L;
    }

    public static Path uploadsFolder(StoreProperties store) {
        return store.dataDir().resolve("uploads").toAbsolutePath().normalize();
    }

    /** A file on its way into a batch. */
    public interface Incoming {
        /** The name as the sender gave it, possibly with folders. */
        String name();

        /** Writes (or moves) the content to {@code target}, whose folder exists. */
        void saveTo(Path target) throws IOException;
    }

    /**
     * @param userId who sent the files; null for a consume-folder file nobody owns
     * @throws UploadException NO_FILES, TOO_MANY_FILES, QUOTA_FILES_EXCEEDED, QUOTA_MB_EXCEEDED or NOT_SAVED (nothing
     *                         is queued then)
     */
    public UploadStore.Batch receive(Long userId, UploadStore.Origin origin, List<? extends Incoming> files) {
        return receive(userId, origin, files, null);
    }

    /** The same for a reviewer's upload of the missing side of protocol {@code attachTo}, which the sides join. */
    public UploadStore.Batch receive(Long userId, UploadStore.Origin origin, List<? extends Incoming> files, Long attachTo) {
        if (files.isEmpty()) {
            throw new UploadException(UploadError.NO_FILES, 0);
        }
        if (files.size() > maxFiles) {
            throw new UploadException(UploadError.TOO_MANY_FILES, maxFiles);
        }
        // A fresh folder per batch: the job's input is the folder, and its name is not the batch id, because the
        // files are written before the batch exists (a crash in between leaves only a folder, removed later).
        Path folder = root.resolve(UUID.randomUUID().toString());
        List<UploadStore.SavedFile> saved = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        try {
            Files.createDirectories(folder);
            for (Incoming f : files) {
                String name = UploadNames.unique(UploadNames.safe(f.name()), taken);
                Path target = folder.resolve(name).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("file name escapes the batch folder: " + f.name());
                }
                Files.createDirectories(target.getParent());
                f.saveTo(target);
                saved.add(new UploadStore.SavedFile(name, Files.size(target)));
            }
        } catch (IOException e) {
            FileSystemUtils.deleteRecursively(folder.toFile());
            throw new UploadException(UploadError.NOT_SAVED, 0, e);
        }
        UploadStore.Batch batch;
        try {
            batch = uploads.queue(userId, origin, folder, saved, usage -> admit(userId, origin, saved, usage), attachTo);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(folder.toFile());
            throw e;
        }
        events.publishEvent(new BatchQueued(batch.id()));
        return batch;
    }

    /**
     * Quotas bound what one account sends through the page and the API in 24 hours, so that one person cannot fill
     * the disk or the queue. Admins, who set the quotas, and the consume folder, which an admin set up, are not
     * metered.
     */
    private void admit(Long userId, UploadStore.Origin origin, List<UploadStore.SavedFile> files, UploadStore.Usage usage) {
        if (origin == UploadStore.Origin.CONSUME || users.byId(userId).map(u -> u.role() == Role.ADMIN).orElse(false)) {
            return;
        }
        if (quotaFiles > 0 && usage.files() + files.size() > quotaFiles) {
            throw new UploadException(UploadError.QUOTA_FILES_EXCEEDED, quotaFiles);
        }
        long bytes = files.stream().mapToLong(UploadStore.SavedFile::size).sum();
        if (quotaBytes > 0 && usage.bytes() + bytes > quotaBytes) {
            throw new UploadException(UploadError.QUOTA_MB_EXCEEDED, quotaBytes / (1024 * 1024));
        }
    }

    public Path root() {
        return root;
    }
}
