package kz.hattama.reconcile;

public record Flag(String id, String detail) {
}
