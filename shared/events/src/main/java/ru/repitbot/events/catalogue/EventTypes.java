package ru.repitbot.events.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import ru.repitbot.events.EventPayload;

/**
 * Routing keys of the catalogue (docs/domain/events.md#catalogue, plus {@code lesson.deleted}, {@code balance.low} and link changes) and
 * the one map between a payload record and its routing key: a producer publishes a record, a consumer subscribes
 * to a record class, and both find the key here.
 */
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
    public static final String REMINDER_DUE = "reminder.due";
    public static final String DIGEST_DUE = "balance_digest.due";
    public static final String MONTH_ENDED = "month.ended";

    private static final Map<Class<? extends EventPayload>, String> CATALOGUE = build();

    private EventTypes() {
    }

    /** Every payload record of the catalogue with its routing key, in catalogue order. */
    public static Map<Class<? extends EventPayload>, String> catalogue() {
        return CATALOGUE;
    }

    private static Map<Class<? extends EventPayload>, String> build() {
        Map<Class<? extends EventPayload>, String> types = new LinkedHashMap<>();
        types.put(UserEvents.Created.class, USER_CREATED);
        types.put(UserEvents.Updated.class, USER_UPDATED);
        types.put(UserEvents.Deleted.class, USER_DELETED);
        types.put(UserEvents.Linked.class, USER_LINKED);
        types.put(UserEvents.Unlinked.class, USER_UNLINKED);
        types.put(LessonEvents.Created.class, LESSON_CREATED);
        types.put(LessonEvents.Updated.class, LESSON_UPDATED);
        types.put(LessonEvents.Conducted.class, LESSON_CONDUCTED);
        types.put(LessonEvents.Cancelled.class, LESSON_CANCELLED);
        types.put(LessonEvents.Rescheduled.class, LESSON_RESCHEDULED);
        types.put(LessonEvents.Deleted.class, LESSON_DELETED);
        types.put(HomeworkEvents.Assigned.class, HOMEWORK_ASSIGNED);
        types.put(HomeworkEvents.Submitted.class, HOMEWORK_SUBMITTED);
        types.put(HomeworkEvents.Checked.class, HOMEWORK_CHECKED);
        types.put(HomeworkEvents.Withdrawn.class, HOMEWORK_WITHDRAWN);
        types.put(PaymentEvents.Created.class, PAYMENT_CREATED);
        types.put(PaymentEvents.Updated.class, PAYMENT_UPDATED);
        types.put(PaymentEvents.Voided.class, PAYMENT_VOIDED);
        types.put(PaymentEvents.BalanceLow.class, BALANCE_LOW);
        types.put(AchievementEvents.Earned.class, ACHIEVEMENT_EARNED);
        types.put(NotificationEvents.Sent.class, NOTIFICATION_SENT);
        types.put(NotificationEvents.Failed.class, NOTIFICATION_FAILED);
        types.put(MaterialEvents.Created.class, MATERIAL_CREATED);
        types.put(MaterialEvents.Updated.class, MATERIAL_UPDATED);
        types.put(MaterialEvents.Deleted.class, MATERIAL_DELETED);
        types.put(SchedulerEvents.ReminderDue.class, REMINDER_DUE);
        types.put(SchedulerEvents.DigestDue.class, DIGEST_DUE);
        types.put(SchedulerEvents.MonthEnded.class, MONTH_ENDED);
        return java.util.Collections.unmodifiableMap(types);
    }

    /**
     * The routing key of a payload class: the catalogue's, or, for a payload outside the catalogue (a test's), the
     * one its {@link Named} annotation gives.
     *
     * @throws IllegalArgumentException for a class that is neither
     */
    public static String of(Class<? extends EventPayload> type) {
        String known = CATALOGUE.get(type);
        if (known != null) {
            return known;
        }
        Named named = type.getAnnotation(Named.class);
        if (named != null) {
            return named.value();
        }
        throw new IllegalArgumentException(type.getName() + " is not an event of the catalogue (EventTypes)");
    }

    /** The routing key of a payload record that is not part of the catalogue (tests, experiments). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Named {
        String value();
    }
}
