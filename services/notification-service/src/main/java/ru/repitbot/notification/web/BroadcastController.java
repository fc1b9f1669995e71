package ru.repitbot.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.idempotency.Idempotency;
import ru.repitbot.idempotency.IdempotentCreation;
import ru.repitbot.models.PageResponse;
import ru.repitbot.notification.api.BroadcastRequests;
import ru.repitbot.notification.api.BroadcastResponse;
import ru.repitbot.notification.app.Broadcasts;

@RestController
@RequestMapping("/api/v1/broadcasts")
@Tag(name = "Broadcasts", description = "A tutor's message to all their students and/or parents, with progress")
public class BroadcastController {

    private final Broadcasts broadcasts;

    public BroadcastController(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @PostMapping
    @Operation(summary = "Start a broadcast (tutors only)",
            description = "To the tutor's own live students, their parents or both, each person once. Recipients "
                    + "are fixed now; one message each is queued (held by quiet hours unless urgent; skipped for a "
                    + "reader who switched broadcasts off). 409 when there is no one to send it to. With an "
                    + "Idempotency-Key the same request returns the first broadcast (200) for 24 h.")
    @ApiResponse(responseCode = "201", description = "Started")
    @ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @ApiResponse(responseCode = "409", description = "No recipients, or the Idempotency-Key was used for another "
            + "request")
    public ResponseEntity<BroadcastResponse> start(CurrentUser caller,
            @Parameter(description = "Makes retries safe: same key + same body = same broadcast")
            @RequestHeader(name = Idempotency.KEY_HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody BroadcastRequests.Create request) {
        Broadcasts.Creation creation = broadcasts.start(caller, request, idempotencyKey);
        return IdempotentCreation.respond(creation.broadcast(), creation.replayed(),
                "/api/v1/broadcasts/" + creation.broadcast().id());
    }

    @GetMapping
    @Operation(summary = "The tutor's broadcasts, newest first (an admin: everyone's)")
    public PageResponse<BroadcastResponse> list(CurrentUser caller, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return broadcasts.list(caller, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One broadcast with its progress and report",
            description = "Counts from its messages; finished once none is queued or being sent.")
    public BroadcastResponse get(CurrentUser caller, @PathVariable long id) {
        return broadcasts.get(caller, id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a running broadcast", description = "Messages still queued are cancelled; one "
            + "being sent goes on. Cancelling a cancelled broadcast changes nothing.")
    @ApiResponse(responseCode = "409", description = "The broadcast has finished")
    public BroadcastResponse cancel(CurrentUser caller, @PathVariable long id) {
        return broadcasts.cancel(caller, id);
    }
}
