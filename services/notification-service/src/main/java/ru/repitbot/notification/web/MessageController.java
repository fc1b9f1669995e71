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
import ru.repitbot.notification.api.MessageRequests;
import ru.repitbot.notification.api.MessageResponses;
import ru.repitbot.notification.app.Messages;

@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Messages", description = "Tutor ↔ student/parent messages, stored and threaded into conversations")
public class MessageController {

    private final Messages messages;

    public MessageController(Messages messages) {
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Send a message",
            description = "A tutor to their student or a parent of their student; a student or parent to one of "
                    + "their tutors (student_id names the child when a parent and the tutor share several). Any "
                    + "other pair is 404. The reader gets a line saying who wrote, in their language; the message "
                    + "waits for the end of their quiet hours unless urgent. With an Idempotency-Key the same request "
                    + "returns the first message (200) for 24 h; the key with another body is 409.")
    @ApiResponse(responseCode = "201", description = "Queued for delivery")
    @ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request")
    public ResponseEntity<MessageResponses.Sent> send(CurrentUser caller,
            @Parameter(description = "Makes retries safe: same key + same body = same message")
            @RequestHeader(name = Idempotency.KEY_HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody MessageRequests.Send request) {
        Messages.Creation creation = messages.send(caller, request, idempotencyKey);
        return IdempotentCreation.respond(creation.message(), creation.replayed(),
                "/api/v1/messages/" + creation.message().id());
    }

    @PostMapping("/replies")
    @Operation(summary = "Answer a delivered message (a Telegram reply the bot forwards)",
            description = "The bot, as the logged-in user, names the Telegram message id (in that user's chat) of a "
                    + "conversation message delivered to them; the reply goes to the other side of that conversation. "
                    + "404 when it is not a conversation message of this user, or the pair is no longer linked. "
                    + "Idempotency-Key as on POST /api/v1/messages.")
    @ApiResponse(responseCode = "201", description = "Queued for delivery")
    @ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request")
    public ResponseEntity<MessageResponses.Sent> reply(CurrentUser caller,
            @Parameter(description = "Makes retries safe: same key + same body = same message")
            @RequestHeader(name = Idempotency.KEY_HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody MessageRequests.Reply request) {
        Messages.Creation creation = messages.reply(caller, request, idempotencyKey);
        return IdempotentCreation.respond(creation.message(), creation.replayed(),
                "/api/v1/messages/" + creation.message().id());
    }

    @GetMapping("/conversations")
    @Operation(summary = "The caller's conversations, the latest message first",
            description = "A tutor's with their students and parents; a student's or parent's with their tutors; "
                    + "an admin sees every conversation.")
    public PageResponse<MessageResponses.Conversation> conversations(CurrentUser caller,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return messages.conversations(caller, page, size);
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "The messages of one conversation, both directions, newest first",
            description = "To the two people in it and admins; 404 for anyone else.")
    public PageResponse<MessageResponses.Message> conversation(CurrentUser caller, @PathVariable long id,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return messages.conversation(caller, id, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One conversation message", description = "To its sender, its recipient and admins.")
    public MessageResponses.Message message(CurrentUser caller, @PathVariable long id) {
        return messages.message(caller, id);
    }
}
