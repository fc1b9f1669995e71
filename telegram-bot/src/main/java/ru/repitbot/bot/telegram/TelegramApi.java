package ru.repitbot.bot.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bot API over HTTP (JDK client; JSON bodies), at {@code TELEGRAM_API_URL} + token + {@code /method}. One call,
 * one attempt: limits and retries are {@link TelegramSender}'s job, polling's back-off {@link TelegramPolling}'s.
 * The token is part of the URL and so never appears in an exception or a log line written here.
 */
public final class TelegramApi {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final JsonMapper json;

    public TelegramApi(String apiUrl, String token, JsonMapper json) {
        this.base = apiUrl + token + "/";
        this.json = json;
    }

    public JsonMapper json() {
        return json;
    }

    /**
     * Calls {@code method} with {@code body} (a map or a record; nulls left out) and returns Telegram's
     * {@code result}.
     *
     * @throws TelegramApiException when Telegram answers {@code ok: false} or does not answer
     */
    public JsonNode call(String method, Object body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + method))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TelegramApiException(method, 0, e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramApiException(method, 0, "interrupted", null, e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException notJson) {
            throw new TelegramApiException(method, response.statusCode(), "not a Bot API answer", null, null);
        }
        if (answer != null && answer.path("ok").asBoolean(false)) {
            return answer.path("result");
        }
        int code = answer == null ? response.statusCode() : answer.path("error_code").asInt(response.statusCode());
        String description = answer == null ? "" : answer.path("description").asString("");
        JsonNode retry = answer == null ? null : answer.path("parameters").get("retry_after");
        throw new TelegramApiException(method, code, description,
                retry == null || retry.isNull() ? null : Duration.ofSeconds(retry.asLong()), null);
    }

    public JsonNode call(String method, Object body) {
        return call(method, body, Duration.ofSeconds(30));
    }

    /** Long polling: waits up to {@code timeout} for updates after {@code offset}. */
    public List<TelegramUpdate> getUpdates(long offset, Duration timeout, List<String> allowedUpdates) {
        JsonNode result = call("getUpdates", Map.of("offset", offset, "timeout", timeout.toSeconds(),
                "allowed_updates", allowedUpdates), timeout.plusSeconds(15));
        return json.readerForListOf(TelegramUpdate.class).readValue(result);
    }

    public TelegramUpdate parseUpdate(String body) {
        return json.readValue(body, TelegramUpdate.class);
    }
}
