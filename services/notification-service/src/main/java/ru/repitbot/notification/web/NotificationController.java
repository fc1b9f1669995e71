package ru.repitbot.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.notification.api.ChatRequest;
import ru.repitbot.notification.api.HistoryItem;
import ru.repitbot.notification.api.PreferencesPatch;
import ru.repitbot.notification.api.PreferencesView;
import ru.repitbot.notification.api.UnreachableList;
import ru.repitbot.notification.app.HistoryService;
import ru.repitbot.notification.app.PreferencesService;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Preferences, Telegram chat, reachability and the history of what was sent")
public class NotificationController {

    private final PreferencesService preferences;
    private final HistoryService history;

    public NotificationController(PreferencesService preferences, HistoryService history) {
        this.preferences = preferences;
        this.history = history;
    }

    @GetMapping("/preferences")
    @Operation(summary = "Notification settings: every kind on or off and urgent, quiet hours, language",
            description = "Own settings; an admin or a service names user_id (required for a service). Another "
                    + "person's settings are 404 for anyone else.")
    @ApiResponse(responseCode = "200", description = "The settings")
    @ApiResponse(responseCode = "404", description = "Not the caller's, or no such user")
    public PreferencesView get(CurrentUser caller,
            @Parameter(description = "Whose settings (admin, service); default the caller")
            @RequestParam(name = "user_id", required = false) Long userId) {
        return preferences.get(caller, userId);
    }

    @PatchMapping("/preferences")
    @Operation(summary = "Change notification settings",
            description = "All fields optional. kinds: {\"lesson_reminder_24h\": {\"enabled\": false}, …}; message and "
                    + "account_link cannot be switched off (they can be marked urgent). quiet_hours null removes "
                    + "them. A tutor's lesson_report switch = reports to their students' parents. 400 names the "
                    + "field (kinds.<kind>, quiet_hours.start, language); nothing is changed then.")
    @ApiResponse(responseCode = "200", description = "The settings after the change")
    @ApiResponse(responseCode = "400", description = "A field at fault, named")
    @ApiResponse(responseCode = "404", description = "Not the caller's, or no such user")
    public PreferencesView patch(CurrentUser caller,
            @Parameter(description = "Whose settings (admin, service); default the caller")
            @RequestParam(name = "user_id", required = false) Long userId,
            @RequestBody PreferencesPatch patch) {
        return preferences.patch(caller, userId, patch);
    }

    @PutMapping("/chat")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "This Telegram chat is mine (the bot, for the logged-in person)",
            description = "The person wrote to the bot again from this chat: when it is the Telegram account "
                    + "user-service bound to them, an unreachable mark is cleared. The chat itself comes only from "
                    + "user-service's events; another chat is refused (409) and changes nothing.")
    @ApiResponse(responseCode = "204", description = "Reachable again (or the binding is not known here yet)")
    @ApiResponse(responseCode = "409", description = "Not the Telegram account bound to the caller")
    @ApiResponse(responseCode = "400", description = "telegram_chat_id missing or 0")
    @ApiResponse(responseCode = "403", description = "A service token: a chat belongs to a person")
    public void chat(CurrentUser caller, @Valid @RequestBody ChatRequest request) {
        preferences.setChat(caller, request.telegramChatId());
    }

    @GetMapping("/unreachable")
    @Operation(summary = "People the bot cannot reach (blocked it, never started it, account gone)",
            description = "A tutor: among their students and those students' parents; an admin: everyone.")
    @ApiResponse(responseCode = "200", description = "The list")
    @ApiResponse(responseCode = "403", description = "Students and parents")
    public UnreachableList unreachable(CurrentUser caller) {
        return history.unreachable(caller);
    }

    @GetMapping("/history")
    @Operation(summary = "Messages sent to a person, newest first, with their delivery status",
            description = "A person their own (user_id optional); a tutor those sent to one of their students or to "
                    + "a parent of one; an admin anyone's. 404 for anyone else.")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page, size or user_id at fault")
    @ApiResponse(responseCode = "404", description = "Not a person the caller may see")
    public PageResponse<HistoryItem> history(CurrentUser caller,
            @Parameter(description = "Whose history; default the caller")
            @RequestParam(name = "user_id", required = false) Long userId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return history.history(caller, userId, PageQuery.of(page, size));
    }
}
