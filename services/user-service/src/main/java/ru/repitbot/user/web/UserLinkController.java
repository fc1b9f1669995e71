package ru.repitbot.user.web;

import ru.repitbot.user.app.Actors;
import ru.repitbot.user.app.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/users/{studentId}")
@Tag(name = "Links", description = "Who teaches a student and who their parents are. PUT and DELETE are "
        + "idempotent; each real change is published as user.linked / user.unlinked.")
public class UserLinkController {

    private final UserService service;

    public UserLinkController(UserService service) {
        this.service = service;
    }

    @PutMapping("/parents/{parentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Link a parent to a student",
            description = "Admins any pair; a tutor their own student and a parent of one of their students.")
    public void linkParent(@PathVariable long studentId, @PathVariable long parentId,
            CurrentUser caller) {
        service.linkParent(Actors.of(caller), studentId, parentId);
    }

    @DeleteMapping("/parents/{parentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink a parent from a student")
    public void unlinkParent(@PathVariable long studentId, @PathVariable long parentId,
            CurrentUser caller) {
        service.unlinkParent(Actors.of(caller), studentId, parentId);
    }

    @PutMapping("/tutors/{tutorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Link a tutor to a student (admin)")
    public void linkTutor(@PathVariable long studentId, @PathVariable long tutorId,
            CurrentUser caller) {
        service.linkTutor(Actors.of(caller), studentId, tutorId);
    }

    @DeleteMapping("/tutors/{tutorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink a tutor from a student (admin)",
            description = "409 when it is the student's last tutor: every student belongs to a tutor.")
    public void unlinkTutor(@PathVariable long studentId, @PathVariable long tutorId,
            CurrentUser caller) {
        service.unlinkTutor(Actors.of(caller), studentId, tutorId);
    }
}
