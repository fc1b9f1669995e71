package ru.repitbot.bot.flows.student;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.gateway.model.Balances;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * What the family screens (a student's own, a parent's about a child) read from the gateway, as the services answer
 * it (lesson-service, homework-service, payment-service, user-service READMEs). The records hold the fields these
 * screens show; the others are ignored. Every call goes out with the person's own token, so the services decide what
 * they may see (another family's child or homework is 404).
 */
public final class FamilyApi {

    private FamilyApi() {
    }

    /** The attendance statuses of a cancelled occurrence (it stays at its own date, shown as cancelled). */
    private static final Set<String> CANCELLED = Set.of("excused_absence", "unexcused_absence", "rescheduled");

    /** A lesson ({@code LessonResponse}); {@code startAt} is null only for an undated make-up. */
    public record LessonInfo(long id, long tutorId, long studentId, String topic, OffsetDateTime startAt,
            Integer durationMinutes, String timeZone, String skillsDeveloped, String masteryLevel,
            String masteryComment, String attendanceStatus, boolean isMakeup, String cancellationReason) {

        public boolean cancelled() {
            return attendanceStatus != null && CANCELLED.contains(attendanceStatus);
        }
    }

    /** The student's answer inside a homework. */
    public record Answer(String text, List<String> photoFileIds, String documentFileId, OffsetDateTime submittedAt) {

        public Answer {
            photoFileIds = photoFileIds == null ? List.of() : List.copyOf(photoFileIds);
        }
    }

    /** An uploaded file of a homework; {@code kind} is {@code assignment} (the tutor's) or {@code submission}. */
    public record Attachment(long id, String kind, String fileName, String contentType, long sizeBytes) {
    }

    /** A Telegram document of the tutor's task: sent on by its file id; the name, when known, for showing it. */
    public record TaskDocument(String fileId, String fileName) {
    }

    /** A homework ({@code HomeworkResponse}). */
    public record HomeworkInfo(long id, long lessonId, long studentId, long tutorId, String lessonTopic,
            OffsetDateTime lessonDate, String description, OffsetDateTime deadline, String link,
            List<String> photoFileIds, List<TaskDocument> documents, String status, boolean overdue,
            Answer submission, String tutorComment, OffsetDateTime checkedAt, OffsetDateTime returnedAt,
            List<Attachment> attachments) {

        public HomeworkInfo {
            photoFileIds = photoFileIds == null ? List.of() : List.copyOf(photoFileIds);
            documents = documents == null ? List.of() : List.copyOf(documents);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public boolean pending() {
            return "pending".equals(status);
        }

        public boolean submitted() {
            return "submitted".equals(status);
        }
    }

    /** A payment ({@code PaymentResponse}); a voided one stays listed but no longer counts. */
    public record PaymentInfo(long id, long tutorId, long studentId, int lessonsPaid, BigDecimal amount,
            String currency, String method, OffsetDateTime paidAt, boolean voided, OffsetDateTime voidedAt,
            String voidReason) {
    }

    /** Who someone is ({@code UserSummary}: a student's tutors). */
    public record Person(long id, Role role, String fullName) {
    }

    static final TypeReference<Page<LessonInfo>> LESSON_PAGE = new TypeReference<>() {
    };
    static final TypeReference<Page<HomeworkInfo>> HOMEWORK_PAGE = new TypeReference<>() {
    };
    static final TypeReference<Page<PaymentInfo>> PAYMENT_PAGE = new TypeReference<>() {
    };
    static final TypeReference<List<Person>> PEOPLE = new TypeReference<>() {
    };

    /** Now, as a query bound ({@code 2026-12-24T12:00:00Z}: no {@code +} to escape). */
    public static String now(Turn turn) {
        return DateTimeFormatter.ISO_INSTANT.format(turn.now().atOffset(ZoneOffset.UTC));
    }

    /** The caller's (student) or a child's (parent) lessons that started before now, newest first. */
    public static Page<LessonInfo> pastLessons(Turn turn, Long studentId, int page, int size) {
        return studentId == null
                ? turn.gateway().get(LESSON_PAGE, "/api/v1/lessons?to={to}&order=desc&page={page}&size={size}",
                        now(turn), page, size)
                : turn.gateway().get(LESSON_PAGE,
                        "/api/v1/lessons?student_id={id}&to={to}&order=desc&page={page}&size={size}", studentId,
                        now(turn), page, size);
    }

    /** The next {@code size} lessons from now, soonest first (cancelled occurrences included, at their dates). */
    public static Page<LessonInfo> nextLessons(Turn turn, Long studentId, int size) {
        return studentId == null
                ? turn.gateway().get(LESSON_PAGE, "/api/v1/lessons?from={from}&order=asc&size={size}", now(turn),
                        size)
                : turn.gateway().get(LESSON_PAGE, "/api/v1/lessons?student_id={id}&from={from}&order=asc&size={size}",
                        studentId, now(turn), size);
    }

    public static LessonInfo lesson(Turn turn, long lessonId) {
        return turn.gateway().get(LessonInfo.class, "/api/v1/lessons/{id}", lessonId);
    }

    public static HomeworkInfo homework(Turn turn, long homeworkId) {
        return turn.gateway().get(HomeworkInfo.class, "/api/v1/homework/{id}", homeworkId);
    }

    /** The caller's own homework (a student), newest first. */
    public static Page<HomeworkInfo> myHomework(Turn turn, int page, int size) {
        return turn.gateway().get(HOMEWORK_PAGE, "/api/v1/homework?page={page}&size={size}", page, size);
    }

    public static Page<HomeworkInfo> childHomework(Turn turn, long studentId, int page, int size) {
        return turn.gateway().get(HOMEWORK_PAGE, "/api/v1/homework?student_id={id}&page={page}&size={size}",
                studentId, page, size);
    }

    public static List<HomeworkInfo> lessonHomework(Turn turn, long lessonId) {
        return turn.gateway().get(HOMEWORK_PAGE, "/api/v1/homework?lesson_id={id}&size=20", lessonId).items();
    }

    public static Balances balances(Turn turn, long studentId) {
        return turn.gateway().get(Balances.class, "/api/v1/balances/{id}", studentId);
    }

    /** The student's payments (own, or a child's for a parent), newest first, voided ones included. */
    public static Page<PaymentInfo> payments(Turn turn, long studentId, int size) {
        return turn.gateway().get(PAYMENT_PAGE, "/api/v1/payments?student_id={id}&size={size}", studentId, size);
    }

    /** A student's tutors, by name ({@code /users/me/tutors} for oneself, {@code /users/{id}/tutors} for a child). */
    public static List<Person> tutors(Turn turn, Long studentId) {
        return studentId == null ? turn.gateway().get(PEOPLE, "/api/v1/users/me/tutors")
                : turn.gateway().get(PEOPLE, "/api/v1/users/{id}/tutors", studentId);
    }
}
