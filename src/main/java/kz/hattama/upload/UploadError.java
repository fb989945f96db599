package kz.hattama.upload;

/** Why an upload request was refused as a whole. A closed list: each has its message in every interface language. */
public enum UploadError {
    NO_FILES,
    /** More files than {@code HATTAMA_MAX_FILES_PER_UPLOAD} in one request. */
    TOO_MANY_FILES,
    /** A file over {@code HATTAMA_MAX_FILE_MB}. */
    FILE_TOO_LARGE,
    /** More files in 24 hours than {@code HATTAMA_QUOTA_FILES}. */
    QUOTA_FILES_EXCEEDED,
    /** More megabytes in 24 hours than {@code HATTAMA_QUOTA_MB}. */
    QUOTA_MB_EXCEEDED,
    /** The server could not save the files (disk full, permissions). */
    NOT_SAVED
}
