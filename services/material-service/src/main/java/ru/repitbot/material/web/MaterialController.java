package ru.repitbot.material.web;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.material.api.MaterialRequests;
import ru.repitbot.material.api.MaterialResponse;
import ru.repitbot.material.app.MaterialFileUploads;
import ru.repitbot.material.app.Materials;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;

@RestController
@RequestMapping("/api/v1/materials")
@Tag(name = "Materials", description = "The library: each tutor's own materials and those an admin published to "
        + "every tutor; links, descriptions and uploaded files by grade (1–11, or every grade). Students and parents "
        + "see what the family's tutors own, what admins published and what was attached to the family's lessons "
        + "and homework. A material the caller may not see is 404; a change the caller's role may not make is 403.")
public class MaterialController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final Materials materials;
    private final MaterialFileUploads uploads;

    public MaterialController(Materials materials, MaterialFileUploads uploads) {
        this.materials = materials;
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a material",
            description = "A tutor adds to their own library; an admin publishes to every tutor (no owner). Files "
                    + "are uploaded afterwards (POST /{id}/files). Emits material.created.")
    @ApiResponse(responseCode = "201", description = "Created; Location is the material")
    @ApiResponse(responseCode = "400", description = "A field breaks a rule (named in errors[].field)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin", content = @Content(mediaType = PROBLEM))
    public ResponseEntity<MaterialResponse> create(@Valid @RequestBody MaterialRequests.Write request,
            CurrentUser caller) {
        MaterialResponse created = materials.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/materials/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "Search the materials the caller may see, newest first",
            description = "q: words of the title, description, subject or tags (PostgreSQL full-text search with the "
                    + "Russian configuration: «дроби» finds «Дробь»; quotes for a phrase, -word to exclude). grade: "
                    + "materials of that grade and those for every grade. lesson_id / homework_id: what was attached "
                    + "to that lesson or homework (404 when the caller may not see it).")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "A bad grade, page or size", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "The lesson or homework is not the caller's",
            content = @Content(mediaType = PROBLEM))
    public PageResponse<MaterialResponse> search(
            @Parameter(description = "Words to find, up to 200 characters") @RequestParam(required = false) String q,
            @Parameter(description = "1–11") @RequestParam(required = false) Integer grade,
            @Parameter(description = "Exact subject, any case") @RequestParam(required = false) String subject,
            @Parameter(description = "Attached to this lesson") @RequestParam(name = "lesson_id", required = false)
            Long lessonId,
            @Parameter(description = "Attached to this homework") @RequestParam(name = "homework_id",
                    required = false) Long homeworkId,
            @Parameter(description = "From 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 100, default 10") @RequestParam(required = false) Integer size,
            CurrentUser caller) {
        return materials.search(caller, q, grade, subject, lessonId, homeworkId, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One material, with its files' metadata")
    @ApiResponse(responseCode = "200", description = "The material")
    @ApiResponse(responseCode = "404", description = "Not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    public MaterialResponse get(@PathVariable long id, CurrentUser caller) {
        return materials.get(caller, id);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a material's content",
            description = "Its tutor, or an admin (a published one: admins only, 403 for tutors). Files and "
                    + "attachments stay. Emits material.updated.")
    @ApiResponse(responseCode = "200", description = "The material after the change")
    @ApiResponse(responseCode = "400", description = "A field breaks a rule", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin, or a published material",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    public MaterialResponse replace(@PathVariable long id, @Valid @RequestBody MaterialRequests.Write request,
            CurrentUser caller) {
        return materials.replace(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a material", description = "Its tutor, or an admin; its files and attachments go "
            + "with it. Emits material.deleted.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin, or a published material",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    public void delete(@PathVariable long id, CurrentUser caller) {
        materials.delete(caller, id);
    }

    // ---- files ----

    @PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload files",
            description = "Whoever may change the material; one or more parts named 'file'. Allowed types (by "
                    + "name and content): jpg, jpeg, png, pdf, doc, docx by default (415 otherwise); each at most the "
                    + "size limit (413); at most 20 files per material (409). Location: the file (one) or the "
                    + "material (several).")
    @ApiResponse(responseCode = "201", description = "The stored files", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = MaterialResponse.FileInfo.class))))
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin, or a published material",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Too many files", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "413", description = "A file is too large", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "415", description = "A file type is not allowed",
            content = @Content(mediaType = PROBLEM))
    public ResponseEntity<List<MaterialResponse.FileInfo>> upload(@PathVariable long id,
            @RequestPart(name = "file") List<MultipartFile> files, CurrentUser caller) {
        List<MaterialResponse.FileInfo> stored = uploads.upload(caller, id, files);
        URI location = URI.create(stored.size() == 1 ? stored.getFirst().downloadUrl() : "/api/v1/materials/" + id);
        return ResponseEntity.created(location).body(stored);
    }

    @GetMapping("/{id}/files/{fileId}")
    @Operation(summary = "Download a file", description = "For whoever may see the material.")
    @ApiResponse(responseCode = "200", description = "The file, with its own Content-Type and a "
            + "Content-Disposition: attachment", content = @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "Not one the caller may see, or no such file",
            content = @Content(mediaType = PROBLEM))
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId, CurrentUser caller) {
        MaterialFileUploads.Download file = uploads.download(caller, id, fileId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.file().contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=0")
                .eTag("\"" + file.file().sha256() + "\"")
                .body(file.content());
    }

    @DeleteMapping("/{id}/files/{fileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a file", description = "Whoever may change the material.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin, or a published material",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not one the caller may see, or no such file",
            content = @Content(mediaType = PROBLEM))
    public void deleteFile(@PathVariable long id, @PathVariable long fileId, CurrentUser caller) {
        uploads.delete(caller, id, fileId);
    }

    @PutMapping(path = "/{id}/files/{fileId}/telegram-file-id", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remember Telegram's file_id of a file",
            description = "The bot (service token), or a tutor or admin who sees the material, after the first send; "
                    + "later sends go by this id. Students and parents: 403.")
    @ApiResponse(responseCode = "200", description = "The file with its telegram_file_id")
    @ApiResponse(responseCode = "403", description = "A student or parent", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not one the caller may see, or no such file",
            content = @Content(mediaType = PROBLEM))
    public MaterialResponse.FileInfo telegramFileId(@PathVariable long id, @PathVariable long fileId,
            @Valid @RequestBody MaterialRequests.TelegramFileId request, CurrentUser caller) {
        return uploads.rememberTelegramFileId(caller, id, fileId, request.telegramFileId());
    }

    // ---- attachments to lessons and homework ----

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach to a lesson or a homework",
            description = "The tutor of the lesson or homework (asked of lesson-service or homework-service), or an "
                    + "admin, attaches a material they see (their own or a published one); the student and parents "
                    + "then see it. 201 when attached now, 200 when it already was.")
    @ApiResponse(responseCode = "201", description = "Attached; Location is the material's attachments")
    @ApiResponse(responseCode = "200", description = "Already attached: the first attachment")
    @ApiResponse(responseCode = "400", description = "Not exactly one of lesson_id and homework_id",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "The material, lesson or homework is not the caller's",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "lesson-service or homework-service did not answer",
            content = @Content(mediaType = PROBLEM))
    public ResponseEntity<MaterialResponse.Attachment> attach(@PathVariable long id,
            @Valid @RequestBody MaterialRequests.Attach request, CurrentUser caller) {
        Materials.AttachResult result = materials.attach(caller, id, request);
        if (!result.created()) {
            return ResponseEntity.ok(result.attachment());
        }
        return ResponseEntity.created(URI.create("/api/v1/materials/" + id + "/attachments"))
                .body(result.attachment());
    }

    @GetMapping("/{id}/attachments")
    @Operation(summary = "Where a material is attached",
            description = "Admins all; a tutor their own lessons' and homework's; a student or parent the family's.")
    @ApiResponse(responseCode = "200", description = "The attachments")
    @ApiResponse(responseCode = "404", description = "Not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    public List<MaterialResponse.Attachment> attachments(@PathVariable long id, CurrentUser caller) {
        return materials.attachments(caller, id);
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Detach", description = "The tutor of that lesson or homework, or an admin.")
    @ApiResponse(responseCode = "204", description = "Detached")
    @ApiResponse(responseCode = "403", description = "Not a tutor or admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not the caller's", content = @Content(mediaType = PROBLEM))
    public void detach(@PathVariable long id, @PathVariable long attachmentId, CurrentUser caller) {
        materials.detach(caller, id, attachmentId);
    }
}
