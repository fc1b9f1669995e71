package ru.repitbot.lesson.web;

import ru.repitbot.lesson.api.ScheduleDtos;
import ru.repitbot.lesson.app.ScheduleService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Weekly templates", description = "Per tutor and student; materialised into scheduled lessons")
public class ScheduleController {

    private final ScheduleService service;

    public ScheduleController(ScheduleService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "All templates of a student the caller may see (a tutor: their own)")
    public List<ScheduleDtos.Template> list(CurrentUser caller, @RequestParam(name = "student_id") long studentId) {
        return service.list(caller, studentId);
    }

    @GetMapping("/{studentId}")
    @Operation(summary = "A student's weekly template",
            description = "A tutor gets their own; others name tutor_id when the student has several tutors' "
                    + "templates. Empty slots when none is set.")
    public ScheduleDtos.Template get(CurrentUser caller, @PathVariable long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId) {
        return service.get(caller, studentId, tutorId);
    }

    @PutMapping("/{studentId}")
    @Operation(summary = "Replace the weekly template (tutor, admin)",
            description = "Slots: weekday monday..sunday, time HH:mm, duration_minutes 15-600 (default 60), "
                    + "optional note (the generated lessons' topic); slots must not overlap.")
    public ScheduleDtos.Template put(CurrentUser caller, @PathVariable long studentId,
            @Valid @RequestBody ScheduleDtos.Put request) {
        return service.put(caller, studentId, request);
    }

    @DeleteMapping("/{studentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the weekly template (tutor: their own; admin: tutor_id required)",
            description = "Lessons already made from it stay; nothing new is made from it. 404 when there is none.")
    public void delete(CurrentUser caller, @PathVariable long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId) {
        service.delete(caller, studentId, tutorId);
    }

    @PostMapping("/{studentId}/materialise")
    @Operation(summary = "Create scheduled lessons from the template for the next weeks",
            description = "Default weeks: repitbot.lessons.materialise-weeks (4). Never duplicates a lesson at the "
                    + "same time, skips past times and slots that would overlap the tutor's other lessons.")
    public ScheduleDtos.Materialised materialise(CurrentUser caller, @PathVariable long studentId,
            @RequestParam(required = false) Integer weeks,
            @RequestParam(name = "tutor_id", required = false) Long tutorId) {
        return service.materialiseStudent(caller, studentId, weeks, tutorId);
    }

    @PostMapping("/materialise")
    @Operation(summary = "Materialise every template (service token or admin; the scheduler calls it)")
    public ScheduleDtos.Materialised materialiseAll(CurrentUser caller,
            @RequestParam(required = false) Integer weeks) {
        return service.materialiseAll(caller, weeks);
    }
}
