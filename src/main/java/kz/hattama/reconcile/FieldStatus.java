package kz.hattama.reconcile;

public enum FieldStatus { VERIFIED, NEEDS_REVIEW, REVIEWED }
