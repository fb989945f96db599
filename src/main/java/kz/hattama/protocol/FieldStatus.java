package kz.hattama.protocol;

public enum FieldStatus { VERIFIED, NEEDS_REVIEW, REVIEWED }
