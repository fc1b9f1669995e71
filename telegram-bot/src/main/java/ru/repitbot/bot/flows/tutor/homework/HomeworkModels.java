package ru.repitbot.bot.flows.tutor.homework;

import java.time.OffsetDateTime;
import java.util.List;
import ru.repitbot.models.HomeworkStatus;

/**
 * homework-service through the gateway, as its README shows it (snake_case on the wire, unknown fields ignored,
 * nulls left out of what the bot sends: the service refuses unknown fields).
 */
public final class HomeworkModels {

    private HomeworkModels() {
    }

    /** One homework ({@code GET /api/v1/homework/{id}}, list items); times in the student's zone. */
    public record Homework(long id, long lessonId, long studentId, long tutorId, String lessonTopic,
            OffsetDateTime lessonDate, String description, OffsetDateTime deadline, String link,
            List<String> photoFileIds, List<TaskDocument> documents, HomeworkStatus status, boolean overdue,
            Answer submission,
            String tutorComment, OffsetDateTime checkedAt, OffsetDateTime returnedAt, List<Attachment> attachments,
            OffsetDateTime createdAt) {

        public Homework {
            photoFileIds = photoFileIds == null ? List.of() : List.copyOf(photoFileIds);
            documents = documents == null ? List.of() : List.copyOf(documents);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        /** Files the tutor uploaded on the web (they have no Telegram file id: listed by name). */
        public List<Attachment> taskFiles() {
            return attachments.stream().filter(a -> "assignment".equals(a.kind())).toList();
        }

        public List<Attachment> answerFiles() {
            return attachments.stream().filter(a -> "submission".equals(a.kind())).toList();
        }
    }

    /** The answer inside a homework: text, Telegram photos and document. */
    public record Answer(String text, List<String> photoFileIds, String documentFileId, OffsetDateTime submittedAt) {
        public Answer {
            photoFileIds = photoFileIds == null ? List.of() : List.copyOf(photoFileIds);
        }
    }

    /** {@code GET /api/v1/homework/{id}/submission}: the answer as handed in. */
    public record Submission(long homeworkId, long studentId, HomeworkStatus status, String text,
            List<String> photoFileIds, String documentFileId, OffsetDateTime submittedAt, List<Attachment> files) {
        public Submission {
            photoFileIds = photoFileIds == null ? List.of() : List.copyOf(photoFileIds);
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** An uploaded file: {@code kind} is {@code assignment} (the tutor's) or {@code submission} (the student's). */
    public record Attachment(long id, String kind, String fileName, String contentType, long sizeBytes) {
    }

    /**
     * A Telegram document of the task ({@code documents} of a homework): sent on by its file id; the name, when
     * known, is for showing it.
     */
    public record TaskDocument(String fileId, String fileName) {
    }

    /**
     * {@code POST /api/v1/homework}: the deadline as ISO-8601 with its offset; link, photos and documents optional
     * ({@code null} is left out).
     */
    public record NewHomework(long lessonId, String description, String deadline, String link,
            List<String> photoFileIds, List<TaskDocument> documents) {
    }
}
