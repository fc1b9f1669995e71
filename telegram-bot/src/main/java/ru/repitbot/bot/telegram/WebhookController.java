package ru.repitbot.bot.telegram;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /telegram/webhook}: Telegram pushes updates here when {@code TELEGRAM_WEBHOOK_URL} is set. A request
 * without the right {@code X-Telegram-Bot-Api-Secret-Token} is refused (401 without one, 403 with a wrong one) before
 * anything is read; a good one is queued and answered 200 at once (handling happens in the chat's worker).
 */
@RestController
@Hidden
public class WebhookController {

    public static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookSecret secret;
    private final UpdateIntake intake;
    private final TelegramApi api;
    private final PollingState state;

    public WebhookController(WebhookSecret secret, UpdateIntake intake, TelegramApi api, PollingState state) {
        this.secret = secret;
        this.intake = intake;
        this.api = api;
        this.state = state;
    }

    @PostMapping(path = PATH, consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> receive(@RequestHeader(name = SECRET_HEADER, required = false) String presented,
            @RequestBody(required = false) String body) {
        if (!state.enabled() || secret.value() == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("{\"ok\":false}");
        }
        if (presented == null || presented.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("{\"ok\":false}");
        }
        if (!secret.matches(presented)) {
            log.warn("Refused a webhook request with a wrong secret token");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("{\"ok\":false}");
        }
        TelegramUpdate update;
        try {
            update = api.parseUpdate(body == null ? "" : body);
        } catch (RuntimeException malformed) {
            return ResponseEntity.badRequest().body("{\"ok\":false}");
        }
        intake.accept(update);
        return ResponseEntity.ok("{\"ok\":true}");
    }
}
