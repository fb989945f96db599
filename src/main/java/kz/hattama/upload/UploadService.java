package kz.hattama.upload;

import kz.hattama.config.WebProperties;
import kz.hattama.store.StoreProperties;
import kz.hattama.store.UploadStore;
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
    private final int maxFiles;

    public UploadService(UploadStore uploads, ApplicationEventPublisher events, StoreProperties store, WebProperties web) {
        this.uploads = uploads;
        this.events = events;
        this.root = uploadsFolder(store);
        this.maxFiles = web.maxFilesPerUpload();
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
     * @throws UploadException NO_FILES, TOO_MANY_FILES, or NOT_SAVED (nothing is queued then)
     */
    public UploadStore.Batch receive(Long userId, UploadStore.Origin origin, List<? extends Incoming> files) {
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
        UploadStore.Batch batch = uploads.queue(userId, origin, folder, saved);
        events.publishEvent(new BatchQueued(batch.id()));
        return batch;
    }

    public Path root() {
        return root;
    }
}
