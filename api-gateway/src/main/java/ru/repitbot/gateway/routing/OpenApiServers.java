package ru.repitbot.gateway.routing;

import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document names the service's own address in {@code servers}; served through the gateway it
 * must point at the gateway, so "Try it out" in the shared Swagger UI goes through it too.
 */
final class OpenApiServers implements RewriteFunction<String, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<String> apply(org.springframework.web.server.ServerWebExchange exchange, String body) {
        if (body == null || body.isBlank()) {
            return Mono.justOrEmpty(body);
        }
        try {
            JsonNode document = JSON.readTree(body);
            if (document instanceof ObjectNode object && object.has("openapi")) {
                object.putArray("servers").addObject().put("url", "/").put("description", "API gateway");
                return Mono.just(JSON.writeValueAsString(object));
            }
        } catch (JacksonException e) {
            // Not JSON (an error page): pass it on untouched.
        }
        return Mono.just(body);
    }
}
