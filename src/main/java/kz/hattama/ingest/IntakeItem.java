package kz.hattama.ingest;

import kz.hattama.protocol.Rejection;

/** A file checked at intake: its hash and type, or why it cannot be read at all. */
public record IntakeItem(IncomingFile file, String sha256, String mediaType, Rejection rejection) {
}
