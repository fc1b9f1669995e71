package ru.repitbot.homework.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import ru.repitbot.homework.domain.AttachmentInfo;
import ru.repitbot.homework.domain.Homework;
import ru.repitbot.homework.domain.KnownLesson;
import ru.repitbot.models.HomeworkStatus;

/**
 * One homework as the API shows it; times in the student's time zone. {@code overdue}: still pending after the
 * deadline. {@code submission} is {@code null} until the student has answered; it is kept when the tutor returns
 * the homework for rework.
 */
public record HomeworkResponse(long id, long lessonId, long studentId, long tutorId, String lessonTopic,
        OffsetDateTime lessonDate, String description, OffsetDateTime deadline,
        @Schema(description = "When the deadline got its current value: the assignment, or the last edit that "
                + "changed it") OffsetDateTime deadlineSetAt,
        String link,
        List<String> photoFileIds, List<HomeworkRequests.TaskDocument> documents, HomeworkStatus status, boolean overdue, Submission submission,
        String tutorComment, OffsetDateTime checkedAt, OffsetDateTime returnedAt, List<Attachment> attachments,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    /** The student's answer. */
    public record Submission(String text, List<String> photoFileIds, String documentFileId,
            OffsetDateTime submittedAt) {
    }

    /** An uploaded file; {@code kind} is {@code assignment} (the tutor's) or {@code submission} (the student's). */
    public record Attachment(long id, String kind, String fileName, String contentType, long sizeBytes,
            String sha256, String downloadUrl, OffsetDateTime uploadedAt) {

        public static Attachment of(AttachmentInfo a, ZoneId zone) {
            return new Attachment(a.id(), a.kind().value(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(),
                    "/api/v1/homework/" + a.homeworkId() + "/attachments/" + a.id(), at(a.createdAt(), zone));
        }
    }

    public static HomeworkResponse of(Homework h, KnownLesson lesson, List<AttachmentInfo> attachments, ZoneId zone,
            Instant now) {
        Submission submission = h.hasAnswer() ? new Submission(h.submissionText(), h.submissionPhotoFileIds(),
                h.submissionDocumentFileId(), at(h.submittedAt(), zone)) : null;
        return new HomeworkResponse(h.id(), h.lessonId(), h.studentId(), h.tutorId(),
                lesson == null ? null : lesson.topic(), lesson == null ? null : at(lesson.startAt(), zone),
                h.description(), at(h.deadline(), zone), at(h.deadlineSetAt(), zone), h.link(), h.photoFileIds(),
                h.documents().stream().map(d -> new HomeworkRequests.TaskDocument(d.fileId(), d.fileName())).toList(),
                h.status(), h.isOverdue(now),
                submission, h.tutorComment(), at(h.checkedAt(), zone), at(h.returnedAt(), zone),
                attachments.stream().map(a -> Attachment.of(a, zone)).toList(), at(h.createdAt(), zone),
                at(h.updatedAt(), zone), h.version());
    }

    public static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
