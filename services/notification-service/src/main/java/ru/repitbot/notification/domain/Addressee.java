package ru.repitbot.notification.domain;

/** One person to tell, in which capacity, under which switch. */
public record Addressee(long userId, Audience audience, NoticeKind kind) {
}
