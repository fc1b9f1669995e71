package ru.repitbot.user.web;

import ru.repitbot.user.api.CreateUserRequest;
import ru.repitbot.user.api.UpdateUserRequest;
import ru.repitbot.user.api.UserResponse;
import ru.repitbot.user.api.UserSummary;
import ru.repitbot.user.api.UserWithAccessCode;
import ru.repitbot.user.app.Actors;
import ru.repitbot.user.app.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;

@RestController
@RequestMapping(UserController.PATH)
@Tag(name = "Users", description = "Admins, tutors, students and parents; access codes. A user the caller may not "
        + "see is 404; an action the caller's role may not take is 403.")
public class UserController {

    static final String PATH = "/api/v1/users";

    private final UserService service;

    public UserController(UserService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a user",
            description = "An admin creates tutors (and students/parents for any tutor); a tutor creates students "
                    + "(linked to them) and parents of their students (student_ids). The response carries the "
                    + "access code, shown only this once; Location is the new user's path.")
    @ApiResponse(responseCode = "201", description = "Created, with access_code")
    public ResponseEntity<UserWithAccessCode> create(@Valid @RequestBody CreateUserRequest request,
            CurrentUser caller) {
        UserWithAccessCode created = service.create(Actors.of(caller), request);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List the users the caller may see",
            description = "Admins and services: everyone; tutors: their students and those students' parents. "
                    + "Sorted by name; search is a case-insensitive part of the name.")
    public PageResponse<UserResponse> list(@RequestParam(required = false) Role role,
            @RequestParam(required = false) @Size(max = 100) String search,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            CurrentUser caller) {
        return service.list(Actors.of(caller), role, search, PageQuery.of(page, size));
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own profile")
    public UserResponse me(CurrentUser caller) {
        return service.me(Actors.of(caller));
    }

    @GetMapping("/me/children")
    @Operation(summary = "A parent's children")
    public List<UserResponse> myChildren(CurrentUser caller) {
        return service.myChildren(Actors.of(caller));
    }

    @GetMapping("/me/tutors")
    @Operation(summary = "A student's tutors (names)")
    public List<UserSummary> myTutors(CurrentUser caller) {
        return service.myTutors(Actors.of(caller));
    }

    @GetMapping("/by-telegram/{telegramId}")
    @Operation(summary = "The user bound to a Telegram account",
            description = "For services (the bot) and admins, or the user themselves.")
    public UserResponse byTelegram(@PathVariable long telegramId, CurrentUser caller) {
        return service.byTelegram(Actors.of(caller), telegramId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user", description = "404 when it does not exist, was deleted or is not the "
            + "caller's to see. auth-service uses it with a service token to check a user still exists.")
    public UserResponse get(@PathVariable long id, CurrentUser caller) {
        return service.get(Actors.of(caller), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change name, time zone, grade or username",
            description = "Admins anyone; tutors themselves, their students and their students' parents. A student "
                    + "or a parent changes their own time_zone only (the bot's settings): any other field, or "
                    + "another user they can see (a parent's child), is 403; a user they cannot see is 404. "
                    + "Publishes user.updated with the changes.")
    public UserResponse update(@PathVariable long id, @Valid @RequestBody UpdateUserRequest request,
            CurrentUser caller) {
        return service.update(Actors.of(caller), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user",
            description = "Admins delete anyone but admins. A tutor deletes their students and parents; a student "
                    + "another tutor also teaches (or a parent with another tutor's child) is only detached from "
                    + "the deleting tutor.")
    public void delete(@PathVariable long id, CurrentUser caller) {
        service.delete(Actors.of(caller), id);
    }

    @PostMapping("/{id}/access-code")
    @Operation(summary = "Reset the access code",
            description = "A new code (in access_code, shown once); the old one stops working and the Telegram "
                    + "account is unbound, so the new code can be bound by another account.")
    public UserWithAccessCode resetAccessCode(@PathVariable long id, CurrentUser caller) {
        return service.resetAccessCode(Actors.of(caller), id);
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "A parent's children (those the caller may see)")
    public List<UserResponse> children(@PathVariable long id, CurrentUser caller) {
        return service.children(Actors.of(caller), id);
    }

    @GetMapping("/{id}/parents")
    @Operation(summary = "A student's parents")
    public List<UserResponse> parents(@PathVariable long id, CurrentUser caller) {
        return service.parents(Actors.of(caller), id);
    }

    @GetMapping("/{id}/tutors")
    @Operation(summary = "A student's tutors (names)")
    public List<UserSummary> tutors(@PathVariable long id, CurrentUser caller) {
        return service.tutors(Actors.of(caller), id);
    }

    @GetMapping("/{id}/students")
    @Operation(summary = "A tutor's students", description = "The tutor themselves, admins and services.")
    public PageResponse<UserResponse> students(@PathVariable long id,
            @RequestParam(required = false) @Size(max = 100) String search,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            CurrentUser caller) {
        return service.students(Actors.of(caller), id, search, PageQuery.of(page, size));
    }
}
