package ru.repitbot.homework.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    private final HomeworkService service;

    public HomeworkController(HomeworkService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign homework to a lesson",
            description = "The lesson's tutor (or an admin). The lesson must be known to this service (from "
                    + "lesson-service's events) and the caller's, else 404. Starts pending; emits homework.assigned.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Missing description, bad or past deadline, bad link",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "Unknown lesson or not the caller's",
            content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<HomeworkResponse> create(@Valid @RequestBody HomeworkRequests.Create request,
            @Parameter(hidden = true) CurrentUser caller) {
        HomeworkResponse created = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/homework/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "Homework the caller may see, newest first",
            description = "Students: their own; parents: their children's; tutors: their own students' homework "
                    + "of their lessons; admins and services: all. overdue=true: pending with the deadline passed.")
    public PageResponse<HomeworkResponse> list(
            @RequestParam(name = "student_id", required = false) Long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId,
            @RequestParam(name = "lesson_id", required = false) Long lessonId,
            @Parameter(description = "pending, submitted or checked") @RequestParam(required = false)
            HomeworkStatus status,
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "From 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 100, default 10") @RequestParam(required = false) Integer size,
            @Parameter(hidden = true) CurrentUser caller) {
        return service.list(caller, studentId, tutorId, lessonId, status, overdue, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One homework", description = "For its tutor, an admin, the student and their parents.")
    public HomeworkResponse get(@PathVariable long id, @Parameter(hidden = true) CurrentUser caller) {
        return service.get(caller, id);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the task", description = "The tutor changes description, deadline (must be in "
            + "the future), link (empty removes it) or the photos (replaced). The answer is not touched.")
    public HomeworkResponse update(@PathVariable long id, @Valid @RequestBody HomeworkRequests.Update request,
            @Parameter(hidden = true) CurrentUser caller) {
        return service.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete homework", description = "The tutor (or an admin); its files go with it.")
    public void delete(@PathVariable long id, @Parameter(hidden = true) CurrentUser caller) {
        service.delete(caller, id);
    }

    @PostMapping(path = "/{id}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Hand in an answer",
            description = "Only the student, only while pending (409 otherwise). At least one of text, "
                    + "photo_file_ids, document_file_id. Text replaces, photos are added, a document replaces; the "
                    + "tutor's link is never touched. Becomes submitted; emits homework.submitted. To upload files "
                    + "as well, send the same fields as multipart/form-data with parts named 'files'.")
    @ApiResponse(responseCode = "403", description = "Not a student",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Not pending",
            content = @Content(mediaType = "application/problem+json"))
    public HomeworkResponse submit(@PathVariable long id, @Valid @RequestBody HomeworkRequests.Submission request,
            @Parameter(hidden = true) CurrentUser caller) {
        return service.submit(caller, id, request, List.of());
    }

    @PostMapping(path = "/{id}/submission", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Hand in an answer with uploaded files",
            description = "As the JSON variant, as form fields, plus files (parts 'files'; jpg, jpeg, png, pdf, doc, "
                    + "docx; each at most the size limit: 413 if larger, 415 if another type or content that does "
                    + "not match its name).")
    public HomeworkResponse submitWithFiles(@PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "photo_file_ids", required = false) List<String> photoFileIds,
            @RequestParam(name = "document_file_id", required = false) String documentFileId,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @Parameter(hidden = true) CurrentUser caller) {
        return service.submit(caller, id, new HomeworkRequests.Submission(text, photoFileIds, documentFileId),
                files);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept the answer",
            description = "The tutor, only when submitted (409 otherwise): becomes checked with checked_at; emits "
                    + "homework.checked with status checked. Optional body {comment}.")
    public HomeworkResponse accept(@PathVariable long id,
            @Valid @RequestBody(required = false) HomeworkRequests.Check request,
            @Parameter(hidden = true) CurrentUser caller) {
        return service.accept(caller, id, request);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return the answer for rework",
            description = "The tutor, only when submitted (409 otherwise): pending again with the comment; the "
                    + "answer is kept (new photos are added to it). Emits homework.checked with status pending.")
    public HomeworkResponse giveBack(@PathVariable long id,
            @Valid @RequestBody(required = false) HomeworkRequests.Check request,
            @Parameter(hidden = true) CurrentUser caller) {
        return service.giveBack(caller, id, request);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload the tutor's files for the task",
            description = "The tutor; one or more parts named 'file'. Allowed: jpg, jpeg, png, pdf, doc, docx, "
                    + "checked by name and content (415 otherwise); at most the size limit each (413).")
    @ApiResponse(responseCode = "201", description = "The stored files")
    @ApiResponse(responseCode = "413", description = "A file is too large",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "A file type is not allowed",
            content = @Content(mediaType = "application/problem+json"))
    public List<HomeworkResponse.Attachment> upload(@PathVariable long id,
            @RequestPart(name = "file") List<MultipartFile> files, @Parameter(hidden = true) CurrentUser caller) {
        return service.addAttachments(caller, id, files);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download a file", description = "For whoever may see the homework.")
    @ApiResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
            @Parameter(hidden = true) CurrentUser caller) {
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
            @Parameter(hidden = true) CurrentUser caller) {
        service.deleteAttachment(caller, id, attachmentId);
    }
}
