package ru.repitbot.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.repitbot.deploy.compose.Compose.environment;
import static ru.repitbot.deploy.compose.Compose.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.deploy.Repository;
import ru.repitbot.deploy.compose.Compose.Tools;
import ru.repitbot.deploy.compose.Compose.Variant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prod reverse proxy, read by Caddy itself ({@code caddy adapt}): a site for ${DOMAIN} (automatic TLS), Telegram's
 * webhook path to the bot, /metrics refused, everything else to the gateway — each at the compose name and port the
 * deployable really listens on, over every replica.
 */
class ComposeProxyTest {

    @Test
    void caddyRoutesTheWebhookToTheBotAndEverythingElseToTheGateway() {
        Map<String, Map<String, Object>> services = Compose.resolve(Variant.PROD).services();
        assertThat(strings(services.get("caddy").get("volumes")))
                .contains(Repository.path(Compose.DIR).resolve("Caddyfile") + ":/etc/caddy/Caddyfile:ro");

        Tools.Result adapted = Tools.run(Tools.CADDY, List.of("caddy", "adapt", "--adapter", "caddyfile", "--config",
                Repository.path(Compose.DIR).resolve("Caddyfile").toString()),
                Map.of("DOMAIN", environment(services.get("caddy")).get("DOMAIN")));
        assertThat(adapted.exit()).as("caddy adapt:\n%s", adapted.stderr()).isZero();
        assertThat(adapted.stderr()).as("caddy's warnings").doesNotContainIgnoringCase("warn");
        JsonNode config = JsonMapper.builder().build().readTree(adapted.stdout());

        JsonNode servers = config.path("apps").path("http").path("servers");
        assertThat(servers.size()).as("one HTTPS server").isEqualTo(1);
        JsonNode server = servers.values().iterator().next();
        assertThat(server.path("listen").get(0).asString()).isEqualTo(":443");
        JsonNode site = server.path("routes").get(0);
        assertThat(site.path("match").get(0).path("host").get(0).asString()).isEqualTo(Compose.DOMAIN);

        List<Route> routes = new ArrayList<>();
        collect(site.path("handle"), null, routes);
        assertThat(routes).extracting(Route::path).containsExactly("/telegram/webhook", "/metrics*", null);
        assertThat(routes.get(0).upstream()).isEqualTo("telegram-bot:8011");
        assertThat(routes.get(1).status()).isEqualTo(404);
        assertThat(routes.get(2).upstream()).isEqualTo("api-gateway:8000");
        // The names and ports are the deployables' own (their <NAME>_PORT in the compose environment).
        assertThat(environment(services.get("telegram-bot"))).containsEntry("TELEGRAM_BOT_PORT", "8011");
        assertThat(environment(services.get("api-gateway"))).containsEntry("API_GATEWAY_PORT", "8000");
        // Caddy must reach both: they share the edge network.
        assertThat(networks(services.get("caddy"))).containsExactly("edge");
        assertThat(networks(services.get("api-gateway"))).contains("edge");
        assertThat(networks(services.get("telegram-bot"))).contains("edge");
        services.forEach((name, service) -> {
            if (!List.of("caddy", "api-gateway", "telegram-bot").contains(name)) {
                assertThat(networks(service)).as("%s is out of the proxy's reach", name).doesNotContain("edge");
            }
        });
    }

    record Route(String path, String upstream, Integer status) {
    }

    /** The handlers under a site, flattened: which path goes where (a proxy's upstream, or a fixed status). */
    private static void collect(JsonNode handlers, String path, List<Route> out) {
        for (JsonNode handler : handlers) {
            switch (handler.path("handler").asString()) {
                case "subroute" -> {
                    for (JsonNode route : handler.path("routes")) {
                        String routePath = route.path("match").isMissingNode() ? path
                                : route.path("match").get(0).path("path").get(0).asString();
                        collect(route.path("handle"), routePath, out);
                    }
                }
                case "reverse_proxy" -> {
                    JsonNode dynamic = handler.path("dynamic_upstreams");
                    assertThat(dynamic.path("source").asString()).as("%s: every replica by DNS", path).isEqualTo("a");
                    out.add(new Route(path, dynamic.path("name").asString() + ":" + dynamic.path("port").asString(),
                            null));
                }
                case "static_response" -> out.add(new Route(path, null, handler.path("status_code").asInt()));
                default -> {
                    // encode and the like
                }
            }
        }
    }

    private static List<String> networks(Map<String, Object> service) {
        Object networks = service.get("networks");
        if (networks instanceof Map<?, ?> m) {
            return m.keySet().stream().map(String::valueOf).toList();
        }
        return strings(networks);
    }
}
