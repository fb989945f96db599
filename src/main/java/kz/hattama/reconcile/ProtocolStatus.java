package kz.hattama.reconcile;

public enum ProtocolStatus { VERIFIED, NEEDS_REVIEW, REVIEWED, REJECTED }
