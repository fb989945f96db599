package kz.hattama.ingest;

/**
 * A file as the volunteer gave it. {@code seq} is its place in the sorted input list, which makes
 * a restarted intake resume at the same file; {@code bytes} is null when the file was too large
 * to load (then {@code size} says how large; the hash is still of the whole content).
 */
public record IncomingFile(int seq, String name, long size, String sha256, byte[] bytes) {
}
