package ru.repitbot.standin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link TelegramStandIn} runs. Start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * StandInOptions.defaults().withToken("42:test").withLimits(RateLimits.off()).withPersona(Persona.of("Анна", "tutor", 1001, "ABC123"))
 * }</pre>
 *
 * @param host                 the address to listen on (127.0.0.1)
 * @param defaultToken         the bot the chat page shows first and {@link TelegramStandIn#user} talks to; any other
 *                             token works too and is a separate bot
 * @param botFirstName         the default bot's name (getMe first_name)
 * @param botUsername          the default bot's username (getMe username)
 * @param personas             people the chat page offers (their private chats exist from the start)
 * @param personasFile         a JSON file with more personas, re-read when it changes (null = none)
 * @param limits               Telegram's flood limits
 * @param webhookRetryDelay    the first delay before a failed webhook delivery is retried (doubles each time)
 * @param webhookMaxRetryDelay the longest delay between webhook retries
 * @param verbose              log every Bot API call on stdout
 */
public record StandInOptions(String host, String defaultToken, String botFirstName, String botUsername,
        List<Persona> personas, Path personasFile, RateLimits limits, Duration webhookRetryDelay,
        Duration webhookMaxRetryDelay, boolean verbose) {

    /** The default bot's token: bot id 100000001. Any token of the form {@code <digits>:<letters>} works. */
    public static final String DEFAULT_TOKEN = "100000001:StandInToken-for-tests-and-demos";

    public StandInOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(defaultToken, "defaultToken");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(webhookRetryDelay, "webhookRetryDelay");
        Objects.requireNonNull(webhookMaxRetryDelay, "webhookMaxRetryDelay");
        if (!TelegramStandIn.TOKEN.matcher(defaultToken).matches()) {
            throw new IllegalArgumentException("not a bot token (<digits>:<letters, digits, _ or ->): " + defaultToken);
        }
        personas = List.copyOf(personas == null ? List.of() : personas);
        botFirstName = botFirstName == null || botFirstName.isBlank() ? "RepitBot" : botFirstName;
        botUsername = botUsername == null || botUsername.isBlank() ? "repitbot_standin_bot" : botUsername;
    }

    public static StandInOptions defaults() {
        return new StandInOptions("127.0.0.1", DEFAULT_TOKEN, "RepitBot", "repitbot_standin_bot", List.of(), null,
                RateLimits.telegram(), Duration.ofSeconds(1), Duration.ofSeconds(10), false);
    }

    public StandInOptions withHost(String value) {
        return new StandInOptions(value, defaultToken, botFirstName, botUsername, personas, personasFile, limits,
                webhookRetryDelay, webhookMaxRetryDelay, verbose);
    }

    public StandInOptions withToken(String value) {
        return new StandInOptions(host, value, botFirstName, botUsername, personas, personasFile, limits,
                webhookRetryDelay, webhookMaxRetryDelay, verbose);
    }

    public StandInOptions withBotName(String firstName, String username) {
        return new StandInOptions(host, defaultToken, firstName, username, personas, personasFile, limits,
                webhookRetryDelay, webhookMaxRetryDelay, verbose);
    }

    public StandInOptions withPersonas(List<Persona> value) {
        return new StandInOptions(host, defaultToken, botFirstName, botUsername, value, personasFile, limits,
                webhookRetryDelay, webhookMaxRetryDelay, verbose);
    }

    public StandInOptions withPersona(Persona persona) {
        List<Persona> all = new ArrayList<>(personas);
        all.add(persona);
        return withPersonas(all);
    }

    public StandInOptions withPersonasFile(Path value) {
        return new StandInOptions(host, defaultToken, botFirstName, botUsername, personas, value, limits,
                webhookRetryDelay, webhookMaxRetryDelay, verbose);
    }

    public StandInOptions withLimits(RateLimits value) {
        return new StandInOptions(host, defaultToken, botFirstName, botUsername, personas, personasFile, value,
                webhookRetryDelay, webhookMaxRetryDelay, verbose);
    }

    public StandInOptions withoutLimits() {
        return withLimits(RateLimits.off());
    }

    public StandInOptions withWebhookRetry(Duration first, Duration max) {
        return new StandInOptions(host, defaultToken, botFirstName, botUsername, personas, personasFile, limits,
                first, max, verbose);
    }

    public StandInOptions withVerbose(boolean value) {
        return new StandInOptions(host, defaultToken, botFirstName, botUsername, personas, personasFile, limits,
                webhookRetryDelay, webhookMaxRetryDelay, value);
    }
}
