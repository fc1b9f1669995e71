package ru.repitbot.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import ru.repitbot.gateway.domain.RateWindow;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} (token bucket in Redis, atomic Lua script) set up for
 * "N requests per window" and shared across routes: every route asks under one {@code scope}, so a caller has one
 * allowance for the whole API rather than one per service. Redis keys are
 * {@code request_rate_limiter.{<scope>.<caller>}.tokens|timestamp}. A refusal carries {@code Retry-After}.
 */
public class WindowRateLimiter extends RedisRateLimiter {

    private final String scope;
    private final RateWindow window;

    public WindowRateLimiter(String scope, RateWindow window, ReactiveStringRedisTemplate redis,
            RedisScript<List<Long>> script, ConfigurationService configurationService) {
        super(redis, script, configurationService);
        this.scope = scope;
        this.window = window;
        setIncludeHeaders(false);
        getConfig().put(scope, new Config()
                .setReplenishRate(window.replenishRate())
                .setBurstCapacity(window.burstCapacity())
                .setRequestedTokens(window.requestedTokens()));
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return super.isAllowed(scope, id).map(response -> {
            if (response.isAllowed()) {
                return response;
            }
            Map<String, String> headers = new HashMap<>(response.getHeaders());
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(window.retryAfterSeconds()));
            return new Response(false, headers);
        });
    }

    public RateWindow window() {
        return window;
    }
}
