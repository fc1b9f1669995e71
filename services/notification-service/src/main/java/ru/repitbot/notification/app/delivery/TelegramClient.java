package ru.repitbot.notification.app.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import ru.repitbot.notification.domain.TelegramOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bot API over HTTP: one call, one {@link TelegramOutcome}. {@code ok: true} is accepted with its message id; an
 * error answer is refused with {@code error_code}, {@code description} and {@code parameters.retry_after}; an answer
 * that is not the Bot API's JSON (an HTML page of Telegram's front end) is refused with its HTTP status; a timeout or
 * a broken connection is no answer. The verdict is {@code DeliveryPolicy}'s.
 */
public class TelegramClient {

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final Duration readTimeout;

    public TelegramClient(TelegramSettings settings) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        String url = settings.apiUrl();
        this.base = url + (settings.token() == null ? "" : settings.token()) + "/";
        this.readTimeout = settings.readTimeout();
    }

    public TelegramOutcome call(TelegramRequest request) {
        HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(base + request.method()))
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request.parameters())))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new TelegramOutcome.NoAnswer("timeout after " + readTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return new TelegramOutcome.NoAnswer(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TelegramOutcome.NoAnswer("interrupted");
        }
        return outcome(response.statusCode(), response.body());
    }

    TelegramOutcome outcome(int status, byte[] body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || !answer.has("ok")) {
            return new TelegramOutcome.Refused(status, "HTTP " + status + " without a Bot API answer", null);
        }
        if (answer.path("ok").asBoolean(false)) {
            JsonNode result = answer.path("result");
            JsonNode message = result.isArray() ? result.path(0) : result;
            return new TelegramOutcome.Accepted(message.path("message_id").asLong(0));
        }
        int code = answer.path("error_code").asInt(status);
        JsonNode retryAfter = answer.path("parameters").path("retry_after");
        return new TelegramOutcome.Refused(code, answer.path("description").asString(""),
                retryAfter.isNumber() ? retryAfter.asInt() : null);
    }
}
