package ru.repitbot.homework.web;

import ru.repitbot.homework.api.HomeworkRequests;
import ru.repitbot.homework.api.HomeworkResponse;
import ru.repitbot.homework.api.SubmissionResponse;
import ru.repitbot.homework.app.HomeworkService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.homework.db.AttachmentStore;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.PageResponse;

@RestController
@RequestMapping("/api/v1/homework")
@Tag(name = "Homework", description = "Assignments of a lesson (several per lesson), the student's answers, the "
        + "tutor's check (accept or return for rework) and files. Homework the caller may not see is 404; an "
        + "action the caller's role may not take is 403; an action the status does not allow is 409.")
public class HomeworkController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final HomeworkService service;

    public HomeworkController(HomeworkService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign homework to a lesson",
            description = "The lesson's tutor (or an admin). The lesson must be known to this service (from "
                    + "lesson-service's events) and the caller's, else 404. Starts pending; emits homework.assigned.")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HomeworkResponse.class)))
    @ApiResponse(responseCode = "400", description = "Missing description, bad or past deadline, bad link, bad "
            + "photo or document file ids (at most 20 photos, 10 documents)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Unknown lesson or not the caller's",
            content = @Content(mediaType = PROBLEM))
    public ResponseEntity<HomeworkResponse> create(@Valid @RequestBody HomeworkRequests.Create request,
            CurrentUser caller) {
        HomeworkResponse created = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/homework/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "Homework the caller may see, newest first",
            description = "Students: their own; parents: their children's; tutors: their own students' homework "
                    + "of their lessons; admins and services: all. overdue=true: pending with the deadline passed. "
                    + "deadline_from/deadline_to bound the deadline (both inclusive). "
                    + "A filter naming a student, tutor or lesson the caller may not see is 404, as a path id would "
                    + "be.")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "404", description = "student_id, tutor_id or lesson_id names something the caller "
            + "may not see", content = @Content(mediaType = PROBLEM))
    public PageResponse<HomeworkResponse> list(
            @RequestParam(name = "student_id", required = false) Long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId,
            @RequestParam(name = "lesson_id", required = false) Long lessonId,
            @Parameter(description = "pending, submitted or checked") @RequestParam(required = false)
            HomeworkStatus status,
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "First deadline included: an ISO-8601 date-time (with an offset, or local in "
                    + "the student's zone) or a date (its first moment); in a query string write + as %2B or use Z")
            @RequestParam(name = "deadline_from", required = false) String deadlineFrom,
            @Parameter(description = "Last deadline included: a date-time, or a date (the whole day)")
            @RequestParam(name = "deadline_to", required = false) String deadlineTo,
            @Parameter(description = "From 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 100, default 10") @RequestParam(required = false) Integer size,
            CurrentUser caller) {
        return service.list(caller, studentId, tutorId, lessonId, status, overdue, deadlineFrom, deadlineTo, page,
                size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One homework", description = "For its tutor, an admin, the student and their parents.")
    public HomeworkResponse get(@PathVariable long id, CurrentUser caller) {
        return service.get(caller, id);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the task", description = "The tutor changes description, deadline (must be in "
            + "the future), link (empty removes it), the photos or the Telegram documents (each list given replaces "
            + "the earlier one; [] removes them). The answer is not touched.")
    public HomeworkResponse update(@PathVariable long id, @Valid @RequestBody HomeworkRequests.Update request,
            CurrentUser caller) {
        return service.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete homework", description = "The tutor (or an admin); its files go with it.")
    public void delete(@PathVariable long id, CurrentUser caller) {
        service.delete(caller, id);
    }

    @PostMapping(path = "/{id}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Hand in an answer",
            description = "Only the student, only while pending (409 otherwise). At least one of text, "
                    + "photo_file_ids, document_file_id. Text replaces, photos are added, a document replaces; the "
                    + "tutor's link is never touched. Becomes submitted; emits homework.submitted. To upload files "
                    + "as well, send the same fields as multipart/form-data with parts named 'files'.")
    @ApiResponse(responseCode = "200", description = "Handed in: the homework, now submitted")
    @ApiResponse(responseCode = "400", description = "No part given, or a bad one",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not a student", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not the student's homework",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Not pending", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "413", description = "A file is too large", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "415", description = "A file type is not allowed",
            content = @Content(mediaType = PROBLEM))
    public HomeworkResponse submit(@PathVariable long id, @Valid @RequestBody HomeworkRequests.Answer request,
            CurrentUser caller) {
        return service.submit(caller, id, request, List.of());
    }

    @PostMapping(path = "/{id}/submission", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Hand in an answer with uploaded files",
            description = "As the JSON variant, as form fields, plus files (parts 'files'; jpg, jpeg, png, pdf, doc, "
                    + "docx; each at most the size limit: 413 if larger, 415 if another type or content that does "
                    + "not match its name).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = HomeworkRequests.AnswerForm.class))))
    public HomeworkResponse submitWithFiles(@PathVariable long id,
            @Parameter(hidden = true) @RequestParam(required = false) String text,
            @Parameter(hidden = true) @RequestParam(name = "photo_file_ids", required = false)
            List<String> photoFileIds,
            @Parameter(hidden = true) @RequestParam(name = "document_file_id", required = false)
            String documentFileId,
            @Parameter(hidden = true) @RequestPart(name = "files", required = false) List<MultipartFile> files,
            CurrentUser caller) {
        return service.submit(caller, id, new HomeworkRequests.Answer(text, photoFileIds, documentFileId), files);
    }

    @GetMapping("/{id}/submission")
    @Operation(summary = "The student's answer",
            description = "For whoever may see the homework (the student, their parents, the tutor, admins): text, "
                    + "photos, document and the uploaded files' metadata; each file downloads at its download_url. "
                    + "404 while nothing is handed in.")
    @ApiResponse(responseCode = "200", description = "The answer")
    @ApiResponse(responseCode = "404", description = "Not the caller's homework, or nothing handed in yet",
            content = @Content(mediaType = PROBLEM))
    public SubmissionResponse submission(@PathVariable long id, CurrentUser caller) {
        return service.submission(caller, id);
    }

    @DeleteMapping("/{id}/submission")
    @Operation(summary = "Withdraw the answer before it is checked",
            description = "Only the student, only while submitted: the answer (text, photos, document and the "
                    + "uploaded files) is removed and the homework is pending again, overdue if its deadline has "
                    + "passed. An answer the tutor accepted or returned cannot be withdrawn (409). Parents and tutors "
                    + "read answers but do not withdraw them (403).")
    @ApiResponse(responseCode = "200", description = "Withdrawn: the homework, pending again")
    @ApiResponse(responseCode = "403", description = "Not a student", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not the student's homework",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Nothing handed in, or already accepted or returned",
            content = @Content(mediaType = PROBLEM))
    public HomeworkResponse withdraw(@PathVariable long id, CurrentUser caller) {
        return service.withdraw(caller, id);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept the answer",
            description = "The tutor, only when submitted (409 otherwise): becomes checked with checked_at; emits "
                    + "homework.checked with status checked. Optional body {comment}.")
    @ApiResponse(responseCode = "200", description = "The homework after the check")
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Not submitted", content = @Content(mediaType = PROBLEM))
    public HomeworkResponse accept(@PathVariable long id,
            @Valid @RequestBody(required = false) HomeworkRequests.Check request,
            CurrentUser caller) {
        return service.accept(caller, id, request);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return the answer for rework",
            description = "The tutor, only when submitted (409 otherwise): pending again with the comment; the "
                    + "answer is kept (new photos are added to it). Emits homework.checked with status pending.")
    @ApiResponse(responseCode = "200", description = "The homework after the check")
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Not submitted", content = @Content(mediaType = PROBLEM))
    public HomeworkResponse giveBack(@PathVariable long id,
            @Valid @RequestBody(required = false) HomeworkRequests.Check request,
            CurrentUser caller) {
        return service.giveBack(caller, id, request);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the tutor's files for the task",
            description = "The tutor; one or more parts named 'file'. Allowed: jpg, jpeg, png, pdf, doc, docx, "
                    + "checked by name and content (415 otherwise); at most the size limit each (413). Location: "
                    + "the file's download path (one file) or the homework's (several).")
    @ApiResponse(responseCode = "201", description = "The stored files", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = HomeworkResponse.Attachment.class))))
    @ApiResponse(responseCode = "413", description = "A file is too large", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "415", description = "A file type is not allowed",
            content = @Content(mediaType = PROBLEM))
    public ResponseEntity<List<HomeworkResponse.Attachment>> upload(@PathVariable long id,
            @RequestPart(name = "file") List<MultipartFile> files, CurrentUser caller) {
        List<HomeworkResponse.Attachment> stored = service.addAttachments(caller, id, files);
        URI location = URI.create(stored.size() == 1 ? stored.getFirst().downloadUrl() : "/api/v1/homework/" + id);
        return ResponseEntity.created(location).body(stored);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download a file", description = "For whoever may see the homework.")
    @ApiResponse(responseCode = "200", description = "The file, with its own Content-Type and a "
            + "Content-Disposition: attachment", content = @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "Not the caller's homework, or no such file",
            content = @Content(mediaType = PROBLEM))
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
            CurrentUser caller) {
        AttachmentStore.StoredFile file = service.download(caller, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.info().contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=0")
                .eTag("\"" + file.info().sha256() + "\"")
                .body(file.content());
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove one of the tutor's files", description = "The student's files cannot be removed.")
    public void deleteAttachment(@PathVariable long id, @PathVariable long attachmentId,
            CurrentUser caller) {
        service.deleteAttachment(caller, id, attachmentId);
    }
}
