package ru.repitbot.lesson.web;

import ru.repitbot.lesson.api.CancellationResponse;
import ru.repitbot.lesson.api.LessonRequests;
import ru.repitbot.lesson.api.LessonResponse;
import ru.repitbot.lesson.app.LessonService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.idempotency.Idempotency;
import ru.repitbot.idempotency.IdempotentCreation;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.PageResponse;

@RestController
@RequestMapping("/api/v1/lessons")
@Tag(name = "Lessons", description = "Lessons, attendance, cancellation with topic shift, reschedule, mastery")
public class LessonController {

    private final LessonService service;

    public LessonController(LessonService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a scheduled lesson",
            description = "A tutor for a linked student; an admin or service names tutor_id. Refused with 409 "
                    + "(conflicting_lesson_id) when the tutor already has a lesson at that time. With an "
                    + "Idempotency-Key the same request returns the first lesson (200) for 24 h; the key with "
                    + "another body is 409.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    public ResponseEntity<LessonResponse> create(CurrentUser caller,
            @Parameter(description = "Makes retries safe: same key + same body = same lesson")
            @RequestHeader(name = Idempotency.KEY_HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody LessonRequests.Create request) {
        LessonService.Creation creation = service.create(caller, request, idempotencyKey);
        return IdempotentCreation.respond(creation.lesson(), creation.replayed(),
                "/api/v1/lessons/" + creation.lesson().id());
    }

    @GetMapping
    @Operation(summary = "Lessons the caller may see",
            description = "Students see their own, parents their children's (all, or student_id), tutors their "
                    + "own lessons, admins and services all. from/to bound start_at, both inclusive: an ISO-8601 "
                    + "date-time (with an offset, or local in the student's zone) or a date (to then takes in the "
                    + "whole day); in a query string write + as %2B or use Z. Undated make-up lessons come last "
                    + "(and never match from/to).")
    public PageResponse<LessonResponse> list(CurrentUser caller,
            @RequestParam(name = "student_id", required = false) Long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId,
            @Parameter(description = "Attendance status(es) to keep: scheduled, attended, excused_absence, "
                    + "unexcused_absence, rescheduled; repeat the parameter or separate by commas. Default: any")
            @RequestParam(name = "status", required = false) List<AttendanceStatus> status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = "asc or desc (default)") @RequestParam(required = false) String order,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(caller, studentId, tutorId, status, from, to, order, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lesson")
    public LessonResponse get(CurrentUser caller, @PathVariable long id) {
        return service.get(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change topic, start_at, duration_minutes, skills_developed or lesson_status",
            description = "A new time or length is overlap-checked (409). Emits lesson.updated with the changes.")
    public LessonResponse update(CurrentUser caller, @PathVariable long id,
            @Valid @RequestBody LessonRequests.Update request) {
        return service.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a lesson (emits lesson.deleted; its homework goes with it)")
    public void delete(CurrentUser caller, @PathVariable long id) {
        service.delete(caller, id);
    }

    @PutMapping("/{id}/attendance")
    @Operation(summary = "Set attendance",
            description = "Same status: unchanged, no event. An undated make-up lesson cannot be marked: 409 until "
                    + "it has a date. From scheduled/attended into a cancellation status it is a cancellation "
                    + "(the topic moves on, lesson.cancelled, as POST /cancel). Otherwise emits lesson.updated, and "
                    + "lesson.conducted when it becomes attended. A cancelled lesson set back must still find its "
                    + "time free (409).")
    public LessonResponse attendance(CurrentUser caller, @PathVariable long id,
            @Valid @RequestBody LessonRequests.Attendance request) {
        return service.setAttendance(caller, id, request.status());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a lesson; its topic moves on (сдвиг тем)",
            description = "The lesson stays at its date with the cancellation status (unexcused_absence is "
                    + "charged). Its topic, with its homework, moves to the student's next lesson not yet marked, "
                    + "that one's topic to the next, and the last topic to a new undated make-up lesson. Lessons "
                    + "already marked never take part. A lesson's topic moves once: cancelling it again only "
                    + "changes the status or reason. Emits lesson.cancelled with topic_moves and makeup_lesson_id. "
                    + "409 for an undated make-up lesson.")
    public CancellationResponse cancel(CurrentUser caller, @PathVariable long id,
            @Valid @RequestBody(required = false) LessonRequests.Cancel request) {
        return service.cancel(caller, id, request == null ? new LessonRequests.Cancel(null, null) : request);
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Move to a new time in the future without shifting others",
            description = "Overlap-checked; the first reschedule keeps original_start_at; the slot left is not "
                    + "refilled from the weekly template. Also dates a make-up lesson. Only a lesson not yet marked "
                    + "(scheduled) can be moved: 409 otherwise. Emits lesson.rescheduled.")
    public LessonResponse reschedule(CurrentUser caller, @PathVariable long id,
            @Valid @RequestBody LessonRequests.Reschedule request) {
        return service.reschedule(caller, id, request);
    }

    @PutMapping("/{id}/mastery")
    @Operation(summary = "Set topic mastery and its comment (docs/domain/lessons.md#mastery)",
            description = "The comment replaces the previous one; null clears it. Emits lesson.updated.")
    public LessonResponse mastery(CurrentUser caller, @PathVariable long id,
            @Valid @RequestBody LessonRequests.Mastery request) {
        return service.setMastery(caller, id, request);
    }
}
