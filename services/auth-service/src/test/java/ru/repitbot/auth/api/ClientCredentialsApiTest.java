package ru.repitbot.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClientCredentialsApiTest extends AuthApiTestBase {

    private ApiResponse tokenJson(String grantType, String clientId, String secret) {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("grant_type", grantType);
        body.put("client_id", clientId);
        body.put("client_secret", secret);
        return api().post("/api/v1/auth/token", body);
    }

    private HttpResponse<String> tokenForm(Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theRightSecretGivesAServiceTokenThatWorks() {
        ApiResponse response = tokenJson("client_credentials", "telegram-bot", BOT_SECRET);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        JsonNode body = response.json();
        assertThat(body.path("token_type").asString()).isEqualTo("bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(1800);
        ApiResponse me = api().withToken(body.path("access_token").asString()).get("/api/v1/auth/me");
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json().path("role").asString()).isEqualTo("service");
        assertThat(me.json().path("service").asString()).isEqualTo("telegram-bot");
        assertThat(me.json().get("user_id").isNull()).as("present, null for a service").isTrue();
    }

    @Test
    void formUrlEncodedWorksToo() throws Exception {
        HttpResponse<String> response = tokenForm(Map.of("grant_type", "client_credentials",
                "client_id", "scheduler-service", "client_secret", SCHEDULER_SECRET));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
        assertThat(api().withToken(token).get("/api/v1/auth/me").json().path("service").asString())
                .isEqualTo("scheduler-service");
    }

    @Test
    void aWrongSecretIs401() throws Exception {
        ApiResponse response = tokenJson("client_credentials", "telegram-bot", BOT_SECRET + "x");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();

        assertThat(tokenJson("client_credentials", "telegram-bot", SCHEDULER_SECRET).status()).isEqualTo(401);
        assertThat(tokenForm(Map.of("grant_type", "client_credentials", "client_id", "telegram-bot",
                "client_secret", "nope")).statusCode()).isEqualTo(401);
    }

    @Test
    void aClientWithoutAConfiguredSecretOrAnUnknownClientGetsNothing() {
        assertThat(tokenJson("client_credentials", "lesson-service", "anything").status()).isEqualTo(401);
        assertThat(tokenJson("client_credentials", "stranger", BOT_SECRET).status()).isEqualTo(401);
    }

    @Test
    void otherGrantsAndMissingFieldsAre400NamingTheField() throws Exception {
        LoginApiTest.assertField(tokenJson("password", "telegram-bot", BOT_SECRET), "grant_type");
        LoginApiTest.assertField(tokenJson(null, "telegram-bot", BOT_SECRET), "grant_type");
        LoginApiTest.assertField(tokenJson("client_credentials", null, BOT_SECRET), "client_id");
        LoginApiTest.assertField(tokenJson("client_credentials", "telegram-bot", null), "client_secret");
        HttpResponse<String> form = tokenForm(Map.of("client_id", "telegram-bot", "client_secret", BOT_SECRET));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("grant_type");
    }
}
