package ru.repitbot.homework.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import ru.repitbot.homework.domain.AttachmentInfo;
import ru.repitbot.homework.domain.AttachmentKind;
import ru.repitbot.homework.domain.Homework;
import ru.repitbot.models.HomeworkStatus;

/**
 * The student's answer to one homework as handed in: text, Telegram photos and document, and the uploaded files'
 * metadata (each downloadable at its {@code download_url}). Times in the student's zone.
 *
 * @param withdrawable whether the student may still take it back (it is handed in and not checked yet)
 */
@Schema(description = "The student's answer: text, photos, document and the uploaded files (metadata; download each "
        + "at its download_url). withdrawable: handed in and not checked yet")
public record SubmissionResponse(long homeworkId, long studentId, HomeworkStatus status, String text,
        List<String> photoFileIds, String documentFileId, OffsetDateTime submittedAt,
        List<HomeworkResponse.Attachment> files, boolean withdrawable) {

    public static SubmissionResponse of(Homework h, List<AttachmentInfo> attachments, ZoneId zone) {
        Instant submitted = h.submittedAt();
        return new SubmissionResponse(h.id(), h.studentId(), h.status(), h.submissionText(),
                h.submissionPhotoFileIds(), h.submissionDocumentFileId(), HomeworkResponse.at(submitted, zone),
                attachments.stream().filter(a -> a.kind() == AttachmentKind.SUBMISSION)
                        .map(a -> HomeworkResponse.Attachment.of(a, zone)).toList(),
                h.status() == HomeworkStatus.SUBMITTED);
    }
}
