package ru.repitbot.material.domain;

/** An uploaded file the {@link FilePolicy} refuses, with why (the API answers 413, 415 or 400). */
public class FileRejectedException extends RuntimeException {

    /** Why a file was refused. */
    public enum Reason { TOO_LARGE, UNSUPPORTED_TYPE, EMPTY, TOO_MANY }

    private final Reason reason;
    private final String fileName;

    public FileRejectedException(Reason reason, String fileName, String message) {
        super(message);
        this.reason = reason;
        this.fileName = fileName;
    }

    public Reason reason() {
        return reason;
    }

    /** The name the file was uploaded with (may be {@code null}). */
    public String fileName() {
        return fileName;
    }
}
