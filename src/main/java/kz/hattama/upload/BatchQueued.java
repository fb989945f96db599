package kz.hattama.upload;

/** Published once a batch's files are saved and queued, so that the queue starts at once rather than at its next look. */
public record BatchQueued(long batchId) {
}
