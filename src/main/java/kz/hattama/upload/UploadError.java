package kz.hattama.upload;

/** Why an upload request was refused as a whole. A closed list: each has its message in every interface language. */
public enum UploadError {
    NO_FILES,
    /** More files than {@code HATTAMA_MAX_FILES_PER_UPLOAD} in one request. */
    TOO_MANY_FILES,
    /** A file over {@code HATTAMA_MAX_FILE_MB}. */
    FILE_TOO_LARGE,
    /** The server could not save the files (disk full, permissions). */
    NOT_SAVED
}
