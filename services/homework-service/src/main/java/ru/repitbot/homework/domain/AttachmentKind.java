package ru.repitbot.homework.domain;

import java.util.Locale;

/** Whose an uploaded file is: the tutor's task material or part of the student's answer. */
public enum AttachmentKind {
    ASSIGNMENT, SUBMISSION;

    /** The stored and wire value: {@code assignment}, {@code submission}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttachmentKind fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value();
    }
}
