package ru.repitbot.gateway.support;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;

/**
 * Distinct callers for each test, so that rate-limit buckets left in Redis by earlier tests or runs never interfere:
 * fresh user ids, and anonymous callers on their own loopback address ({@code 127.x.y.z}, all of which reach the
 * gateway on Linux).
 */
public final class Callers {

    private Callers() {
    }

    public static long freshUserId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }

    /** A client with a valid token of a brand-new user. */
    public static ApiClient freshUser(int port, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(freshUserId(), role));
    }

    public static InetAddress freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            return InetAddress.getByName("127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "."
                    + random.nextInt(1, 255));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An anonymous caller on its own address. */
    public static Anonymous anonymous(int port) {
        return new Anonymous(port, freshAddress());
    }

    /** Sends requests from one source address. */
    public record Anonymous(int port, InetAddress address) {

        public ApiClient.ApiResponse get(String path, String... headers) {
            return send("GET", path, null, headers);
        }

        public ApiClient.ApiResponse post(String path, String json, String... headers) {
            return send("POST", path, json, headers);
        }

        public ApiClient.ApiResponse send(String method, String path, String json, String... headers) {
            HttpClient client = HttpClient.newBuilder().localAddress(address)
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try (client) {
                HttpResponse<String> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new ApiClient.ApiResponse(response.statusCode(), response.headers().map(), response.body());
            } catch (Exception e) {
                throw new IllegalStateException(method + " " + path + " from " + address + " failed: " + e, e);
            }
        }
    }
}
