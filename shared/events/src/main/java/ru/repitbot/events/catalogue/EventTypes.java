package ru.repitbot.events.catalogue;

/** Routing keys of the catalogue (docs/domain/events.md#catalogue, plus {@code lesson.deleted}, {@code balance.low} and link changes). */
public final class EventTypes {

    public static final String USER_CREATED = "user.created";
    public static final String USER_UPDATED = "user.updated";
    public static final String USER_DELETED = "user.deleted";
    public static final String USER_LINKED = "user.linked";
    public static final String USER_UNLINKED = "user.unlinked";
    public static final String LESSON_CREATED = "lesson.created";
    public static final String LESSON_UPDATED = "lesson.updated";
    public static final String LESSON_CONDUCTED = "lesson.conducted";
    public static final String LESSON_CANCELLED = "lesson.cancelled";
    public static final String LESSON_RESCHEDULED = "lesson.rescheduled";
    public static final String LESSON_DELETED = "lesson.deleted";
    public static final String HOMEWORK_ASSIGNED = "homework.assigned";
    public static final String HOMEWORK_SUBMITTED = "homework.submitted";
    public static final String HOMEWORK_CHECKED = "homework.checked";
    public static final String HOMEWORK_WITHDRAWN = "homework.withdrawn";
    public static final String PAYMENT_CREATED = "payment.created";
    public static final String PAYMENT_UPDATED = "payment.updated";
    public static final String PAYMENT_VOIDED = "payment.voided";
    public static final String BALANCE_LOW = "balance.low";
    public static final String ACHIEVEMENT_EARNED = "achievement.earned";
    public static final String NOTIFICATION_SENT = "notification.sent";
    public static final String NOTIFICATION_FAILED = "notification.failed";
    public static final String MATERIAL_CREATED = "material.created";
    public static final String MATERIAL_UPDATED = "material.updated";
    public static final String MATERIAL_DELETED = "material.deleted";

    private EventTypes() {
    }
}
