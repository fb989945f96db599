package kz.hattama.protocol;

public enum ProtocolStatus { VERIFIED, NEEDS_REVIEW, REVIEWED, REJECTED }
