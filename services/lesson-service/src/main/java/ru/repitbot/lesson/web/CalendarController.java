package ru.repitbot.lesson.web;

import ru.repitbot.lesson.app.CalendarService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar feeds", description = "Private iCalendar (RFC 5545) links for calendar apps")
public class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarService service;

    public CalendarController(CalendarService service) {
        this.service = service;
    }

    /** Body of a feed request; {@code student_id} narrows the feed to one student. */
    public record FeedRequest(@Positive Long studentId) {
    }

    @PostMapping("/feeds")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created; the link is shown only now")
    @Operation(summary = "Get a private feed link (a new one each time; the old one stops working)",
            description = "A tutor: all their lessons or one student's; a student: their own; a parent: all "
                    + "children's or one child's; an admin: one student's.")
    public ResponseEntity<CalendarService.FeedLink> createFeed(CurrentUser caller,
            @jakarta.validation.Valid @RequestBody(required = false) FeedRequest request) {
        CalendarService.FeedLink link = service.create(caller, request == null ? null : request.studentId());
        return ResponseEntity.created(java.net.URI.create("/api/v1/calendar/feeds/" + link.id())).body(link);
    }

    @GetMapping("/feeds")
    @Operation(summary = "The caller's own feed links (id, scope, when made; the link itself is shown only once)")
    public java.util.List<CalendarService.FeedInfo> feeds(CurrentUser caller) {
        return service.list(caller);
    }

    @GetMapping("/feeds/{id}")
    @Operation(summary = "One of the caller's feed links (without the link itself)")
    public CalendarService.FeedInfo feed(CurrentUser caller, @PathVariable long id) {
        return service.get(caller, id);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/feeds/{id}")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's feed links: calendar apps polling it get 404 from now on")
    public void revoke(CurrentUser caller, @PathVariable long id) {
        service.revoke(caller, id);
    }

    // No produces= on the mapping: it would make a 404 problem unwritable for a calendar app's Accept (406).
    @GetMapping("/{token}.ics")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The iCalendar feed",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/calendar",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    @SecurityRequirements
    @Operation(summary = "The feed (public: the secret token is the credential)")
    public ResponseEntity<String> feed(@PathVariable String token) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(service.render(token));
    }
}
