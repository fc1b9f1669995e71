package ru.repitbot.bot.it;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.repitbot.testsupport.ConsumerContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the bot sent to the WireMock gateway in this JVM and what the stubs answered, as the observations of the bot's
 * consumer contract ({@link GatewayContractTest}). {@link #RECORDER}, a WireMock listener on the one gateway server
 * every integration test class shares, keeps each served request as it completes (so a test that resets WireMock's
 * request journal loses nothing). As a JUnit extension on {@link BotIntegrationTest} this class also notes which
 * integration test classes ran, so a contract is only regenerated from all of them.
 */
public final class GatewayJournal implements BeforeAllCallback {

    /** Headers of the transport, not of the API: not part of the contract. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("accept", "accept-encoding", "authorization",
            "connection", "content-length", "content-type", "expect", "host", "http2-settings", "transfer-encoding",
            "upgrade", "user-agent");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Class<?>> RAN = ConcurrentHashMap.newKeySet();
    private static final ConcurrentLinkedQueue<ConsumerContract.Observation> SEEN = new ConcurrentLinkedQueue<>();

    /** Give it to the gateway's WireMock server: {@code options().extensions(GatewayJournal.RECORDER)}. */
    static final ServeEventListener RECORDER = new ServeEventListener() {
        @Override
        public String getName() {
            return "consumer-contract-journal";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            SEEN.add(observation(event));
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        RAN.add(context.getRequiredTestClass());
    }

    /** The integration test classes that ran in this JVM so far. */
    static Set<Class<?>> ran() {
        return Set.copyOf(RAN);
    }

    /** Every request the gateway served so far, in the order they completed. */
    static List<ConsumerContract.Observation> observations() {
        return List.copyOf(SEEN);
    }

    static ConsumerContract.Observation observation(ServeEvent event) {
        var request = event.getRequest();
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Set<String> query = new TreeSet<>();
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                    query.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
                }
            }
        }
        Set<String> headers = new TreeSet<>();
        for (HttpHeader header : request.getHeaders().all()) {
            if (!TRANSPORT_HEADERS.contains(header.key().toLowerCase(Locale.ROOT))) {
                headers.add(header.key());
            }
        }
        JsonNode body = json(request.getBodyAsString());
        Integer status = null;
        JsonNode answer = null;
        if (event.getWasMatched() && event.getResponse() != null && event.getResponse().getFault() == null) {
            status = event.getResponse().getStatus();
            answer = json(event.getResponse().getBodyAsString());
        }
        return new ConsumerContract.Observation(request.getMethod().getName(), path, query, headers, body, status,
                answer);
    }

    private static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node.isObject() || node.isArray() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
