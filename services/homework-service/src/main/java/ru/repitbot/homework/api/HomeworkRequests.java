package ru.repitbot.homework.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the homework endpoints; deadlines are parsed by the service. */
public final class HomeworkRequests {

    public static final String DEADLINE_DOC = "ISO-8601 with offset (2025-03-10T18:00:00+03:00 or …Z), a local date-time "
            + "(2025-03-10T18:00) or a date (2025-03-10, 10.03.2025 = the end of that day), read in the student's "
            + "time zone; must be in the future";
    public static final String URL = "^https?://\\S+$";
    public static final String URL_REASON = "must be an http(s) URL";
    /** How many Telegram documents one task may carry. */
    public static final int MAX_DOCUMENTS = 10;
    public static final int MAX_FILE_ID = 256;
    public static final int MAX_FILE_NAME = 255;

    private HomeworkRequests() {
    }

    public record Create(
            @NotNull @Positive Long lessonId,
            @NotBlank @Size(max = 4000) String description,
            @Schema(description = DEADLINE_DOC, example = "2025-03-10T18:00:00+03:00") @NotBlank @Size(max = 64)
            String deadline,
            @Schema(description = "A link to the task (optional)") @Size(max = 2048)
            @Pattern(regexp = URL, message = URL_REASON) String link,
            @Schema(description = "Telegram file ids of the tutor's photos") @Size(max = 20)
            List<@NotBlank @Size(max = 256) String> photoFileIds,
            @Schema(description = "Telegram documents of the task (at most 10), sent on by file id")
            @Size(max = MAX_DOCUMENTS) List<@NotNull @Valid TaskDocument> documents) {
    }

    /**
     * A Telegram document of the task: its file id (what the bot sends it on by) and, optionally, the file name its
     * message carried, for showing it. The same shape in requests and in the homework.
     */
    public record TaskDocument(
            @Schema(description = "Telegram file id of the document") @NotBlank @Size(max = MAX_FILE_ID)
            String fileId,
            @Schema(description = "The file name, for showing it (optional)") @Size(max = MAX_FILE_NAME)
            String fileName) {
    }

    /** Absent (or null) fields stay as they are; an empty {@code link} removes the link. */
    public record Update(
            @Size(max = 4000) String description,
            @Schema(description = DEADLINE_DOC) @Size(max = 64) String deadline,
            @Size(max = 2048) @Pattern(regexp = "^$|" + URL, message = URL_REASON) String link,
            @Schema(description = "Replaces the tutor's photos") @Size(max = 20)
            List<@NotBlank @Size(max = 256) String> photoFileIds,
            @Schema(description = "Replaces the task's Telegram documents (at most 10; [] removes them)")
            @Size(max = MAX_DOCUMENTS) List<@NotNull @Valid TaskDocument> documents) {
    }

    /**
     * The student's answer; at least one part (or an uploaded file, multipart). Text replaces the earlier text,
     * photos are added to the earlier ones, a document replaces the earlier document.
     */
    public record Answer(
            @Size(max = 4096) String text,
            @Schema(description = "Telegram file ids of photos") @Size(max = 20)
            List<@NotBlank @Size(max = 256) String> photoFileIds,
            @Schema(description = "Telegram file id of a document") @Size(max = 256) String documentFileId) {
    }

    /**
     * The answer as {@code multipart/form-data} (documentation of the form): the fields of {@link Answer}, the
     * photo ids repeated, plus uploaded files, each a part named {@code files}.
     */
    @Schema(description = "The answer as multipart/form-data: form fields text, photo_file_ids (repeated), "
            + "document_file_id, and files (repeated parts; jpg, jpeg, png, pdf, doc, docx)")
    public record AnswerForm(
            @Schema(maxLength = 4096) String text,
            @ArraySchema(maxItems = 20, schema = @Schema(description = "Telegram file id of a photo", maxLength = 256))
            List<String> photoFileIds,
            @Schema(description = "Telegram file id of a document", maxLength = 256) String documentFileId,
            @ArraySchema(schema = @Schema(type = "string", format = "binary", description = "An uploaded file"))
            List<String> files) {
    }

    /** A check: accepting may carry a comment, returning usually does. */
    public record Check(@Size(max = 2000) String comment) {
    }
}
