package kz.hattama.protocol;

public record Flag(String id, String detail) {
}
