package kz.hattama.web;

import kz.hattama.store.UploadStore.BatchState;
import kz.hattama.store.UploadStore.UploadedFile;

/**
 * Where a file stands. UPLOADING and UPLOADED are the browser's own states while it sends a file; the server
 * knows the others. A closed list: each has its message in every interface language.
 */
public enum FileProgress {
    UPLOADING, UPLOADED, QUEUED, READING, DONE, FAILED;

    /** Where a stored file of a batch in state {@code batch} stands. */
    static FileProgress of(BatchState batch, UploadedFile f) {
        if (f.pending() > 0) {
            return batch == BatchState.FAILED ? FAILED : READING;
        }
        if (f.sources() > 0) {
            return DONE;
        }
        // Not reached by the intake yet, or (a finished batch) a file that held nothing to read, such as an empty zip.
        return switch (batch) {
            case QUEUED, RUNNING -> QUEUED;
            case DONE -> DONE;
            case FAILED -> FAILED;
        };
    }
}
