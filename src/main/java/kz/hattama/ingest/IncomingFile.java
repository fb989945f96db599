package kz.hattama.ingest;

import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.Rejection;

/**
 * A file as the volunteer gave it. {@code seq} is its place in the sorted input list, which makes a restarted intake
 * resume at the same file. When the content is kept, {@code bytes} holds it and {@code identity} is its SHA-256. When
 * it is not (too large, unreadable, a refused zip), {@code bytes} is null, {@code refusal} says why, and
 * {@code identity} is a key made from what is known of the file ({@link Hashes#identity}), never a content hash.
 */
public record IncomingFile(int seq, String name, long size, String identity, byte[] bytes, Rejection refusal) {

    public static IncomingFile kept(int seq, String name, byte[] bytes) {
        return new IncomingFile(seq, name, bytes.length, Hashes.sha256(bytes), bytes, null);
    }

    public static IncomingFile refused(int seq, String name, long size, String identity, Rejection why) {
        return new IncomingFile(seq, name, size, identity, null, why);
    }
}
