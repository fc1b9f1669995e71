package ru.repitbot.homework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ru.repitbot.homework.domain.HomeworkLifecycle.Action;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.errors.ConflictException;

/**
 * One homework assignment of a lesson (a lesson may have several, docs/domain/homework.md#q13-several-per-lesson): the tutor's task (description, deadline,
 * link, photos, Telegram documents) and the student's answer (text, photos, a document), moving through {@link HomeworkLifecycle}.
 * Unlike the monolith, a submitted document never overwrites the tutor's link (docs/domain/homework.md#submission).
 */
@Entity
@Table(name = "homework")
public class Homework {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lesson_id", nullable = false, updatable = false)
    private long lessonId;

    @Column(name = "student_id", nullable = false, updatable = false)
    private long studentId;

    @Column(name = "tutor_id", nullable = false, updatable = false)
    private long tutorId;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private Instant deadline;

    /** When the deadline got its current value: the assignment, or the last edit that changed it. */
    @Column(name = "deadline_set_at", nullable = false)
    private Instant deadlineSetAt;

    private String link;

    @Column(name = "photo_file_ids", nullable = false)
    private String[] photoFileIds = new String[0];

    /** The task's Telegram documents: file ids, and at the same positions their names ({@code ""}: not given). */
    @Column(name = "document_file_ids", nullable = false)
    private String[] documentFileIds = new String[0];

    @Column(name = "document_file_names", nullable = false)
    private String[] documentFileNames = new String[0];

    @Column(nullable = false)
    private HomeworkStatus status = HomeworkStatus.PENDING;

    @Column(name = "submission_text")
    private String submissionText;

    @Column(name = "submission_photo_file_ids", nullable = false)
    private String[] submissionPhotoFileIds = new String[0];

    @Column(name = "submission_document_file_id")
    private String submissionDocumentFileId;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(name = "tutor_comment")
    private String tutorComment;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Starts at 1, so the first event of a homework carries aggregate_version 1. */
    @Version
    private long version = 1;

    protected Homework() {
        // for JPA
    }

    /** A new {@code pending} assignment of {@code lesson}. */
    public static Homework assign(KnownLesson lesson, String description, Instant deadline, String link,
            List<String> photoFileIds, List<TelegramDocument> documents, String createdBy, Instant now) {
        Homework h = new Homework();
        h.lessonId = lesson.lessonId();
        h.studentId = lesson.studentId();
        h.tutorId = lesson.tutorId();
        h.description = description;
        h.deadline = deadline;
        h.deadlineSetAt = stored(now);
        h.link = link;
        h.photoFileIds = toArray(photoFileIds);
        h.setDocuments(documents);
        h.createdBy = createdBy;
        h.createdAt = now;
        h.updatedAt = now;
        return h;
    }

    /** The tutor edits the task; {@code null} leaves a value as it is, a list given replaces the earlier one. */
    public void edit(String newDescription, Instant newDeadline, String newLink, boolean clearLink,
            List<String> newPhotoFileIds, List<TelegramDocument> newDocuments, Instant now) {
        if (newDescription != null) {
            description = newDescription;
        }
        if (newDeadline != null && !newDeadline.equals(deadline)) {
            deadline = newDeadline;
            deadlineSetAt = stored(now);
        }
        if (clearLink) {
            link = null;
        } else if (newLink != null) {
            link = newLink;
        }
        if (newPhotoFileIds != null) {
            photoFileIds = toArray(newPhotoFileIds);
        }
        if (newDocuments != null) {
            setDocuments(newDocuments);
        }
        updatedAt = now;
    }

    private void setDocuments(List<TelegramDocument> documents) {
        List<TelegramDocument> all = documents == null ? List.of() : documents;
        documentFileIds = all.stream().map(TelegramDocument::fileId).toArray(String[]::new);
        documentFileNames = all.stream().map(d -> d.fileName() == null ? "" : d.fileName()).toArray(String[]::new);
    }

    /**
     * Submission (docs/domain/homework.md#submission): text replaces the earlier text, photos are appended, a document replaces the earlier
     * document; whatever is not given stays. The homework becomes {@code submitted}.
     *
     * @throws ru.repitbot.models.errors.ConflictException unless the homework is {@code pending}
     */
    public void submit(String text, List<String> photos, String documentFileId, Instant now) {
        status = HomeworkLifecycle.next(status, Action.SUBMIT);
        if (text != null) {
            submissionText = text;
        }
        if (photos != null && !photos.isEmpty()) {
            List<String> all = new ArrayList<>(Arrays.asList(submissionPhotoFileIds));
            all.addAll(photos);
            submissionPhotoFileIds = toArray(all);
        }
        if (documentFileId != null) {
            submissionDocumentFileId = documentFileId;
        }
        submittedAt = now;
        updatedAt = now;
    }

    /** The tutor accepts: {@code checked}, {@code checked_at} set; an optional comment replaces the last one. */
    public void accept(String comment, Instant now) {
        status = HomeworkLifecycle.next(status, Action.ACCEPT);
        checkedAt = now;
        if (comment != null) {
            tutorComment = comment;
        }
        updatedAt = now;
    }

    /** The tutor returns it for rework: {@code pending} again, the submission kept, the comment recorded. */
    public void returnForRework(String comment, Instant now) {
        status = HomeworkLifecycle.next(status, Action.RETURN);
        checkedAt = null;
        returnedAt = now;
        tutorComment = comment;
        updatedAt = now;
    }

    /**
     * The student takes back an answer the tutor has not checked yet: the whole answer (text, photos, document;
     * the uploaded files are removed by the caller) is removed and the homework is {@code pending} again, as before
     * it was handed in (overdue again if its deadline has passed). The tutor's comment and {@code returned_at} of an
     * earlier return stay: they are the tutor's record.
     *
     * @throws ru.repitbot.models.errors.ConflictException unless the homework is {@code submitted}, with a sentence
     *         saying why
     */
    public void withdrawSubmission(Instant now) {
        if (status == HomeworkStatus.CHECKED) {
            throw new ConflictException("The tutor has already accepted this answer, so it can no longer be "
                    + "withdrawn");
        }
        if (status == HomeworkStatus.PENDING && returnedAt != null && hasAnswer()) {
            throw new ConflictException("The tutor has already checked this answer and returned it for rework, so "
                    + "it can no longer be withdrawn; hand in a new answer instead");
        }
        if (status == HomeworkStatus.PENDING) {
            throw new ConflictException("There is no handed-in answer to withdraw: this homework is pending");
        }
        status = HomeworkLifecycle.next(status, Action.WITHDRAW);
        submissionText = null;
        submissionPhotoFileIds = new String[0];
        submissionDocumentFileId = null;
        submittedAt = null;
        updatedAt = now;
    }

    /** Whether the student has answered (text, photos, a document, or handed in uploaded files only). */
    public boolean hasAnswer() {
        return submittedAt != null || submissionText != null || submissionPhotoFileIds.length > 0
                || submissionDocumentFileId != null;
    }

    public boolean isOverdue(Instant now) {
        return OverdueRule.isOverdue(status, deadline, now);
    }

    /**
     * As PostgreSQL keeps it (microseconds), so the answer of a change shows what a later read shows; the reminder
     * rules compare it with the reminder's moment (docs/domain/notifications.md#reminders).
     */
    private static Instant stored(Instant moment) {
        return moment.truncatedTo(ChronoUnit.MICROS);
    }

    private static String[] toArray(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    public Long id() {
        return id;
    }

    public long lessonId() {
        return lessonId;
    }

    public long studentId() {
        return studentId;
    }

    public long tutorId() {
        return tutorId;
    }

    public String description() {
        return description;
    }

    public Instant deadline() {
        return deadline;
    }

    /** When the current deadline was set: the assignment, or the last edit that moved it. */
    public Instant deadlineSetAt() {
        return deadlineSetAt;
    }

    public String link() {
        return link;
    }

    public List<String> photoFileIds() {
        return List.of(photoFileIds);
    }

    /** The task's Telegram documents in the order the tutor sent them. */
    public List<TelegramDocument> documents() {
        List<TelegramDocument> documents = new ArrayList<>(documentFileIds.length);
        for (int i = 0; i < documentFileIds.length; i++) {
            String name = i < documentFileNames.length ? documentFileNames[i] : "";
            documents.add(new TelegramDocument(documentFileIds[i], name.isEmpty() ? null : name));
        }
        return List.copyOf(documents);
    }

    public HomeworkStatus status() {
        return status;
    }

    public String submissionText() {
        return submissionText;
    }

    public List<String> submissionPhotoFileIds() {
        return List.of(submissionPhotoFileIds);
    }

    public String submissionDocumentFileId() {
        return submissionDocumentFileId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    public Instant returnedAt() {
        return returnedAt;
    }

    public String tutorComment() {
        return tutorComment;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
