package ru.repitbot.notification.domain;

/** In which capacity a person is told: texts differ ("your lesson" to a student, "Masha's lesson" to a parent). */
public enum Audience {
    STUDENT, PARENT, TUTOR
}
