package ru.repitbot.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import ru.repitbot.config.security.SecurityProperties;
import ru.repitbot.config.security.TokenValidation;
import ru.repitbot.gateway.config.GatewaySettings;
import ru.repitbot.gateway.domain.CorsPolicy;
import ru.repitbot.gateway.domain.RouteTable;
import ru.repitbot.gateway.web.ProblemResponses;

/**
 * The gateway checks access tokens itself (RS256 from auth-service's JWKS, {@code iss}, {@code aud}, expiry) before a
 * request reaches a service; the token still travels on unchanged and the service checks it again. Open without a
 * token: the auth endpoints that hand out tokens, the JWKS, calendar feeds (secret URLs), health, metrics and docs.
 * {@code /internal/**} is let through here only to be answered 404, as nothing routes it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class GatewaySecurityConfiguration {

    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder(SecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setClaimSetConverter(TokenValidation.claims());
        decoder.setJwtValidator(TokenValidation.validator(properties.issuer(), properties.audience()));
        // Clients send one token with many requests: its signature is checked once, not on every request.
        return new CachingJwtDecoder(decoder, 10_000, Clock.systemUTC());
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            CorsConfigurationSource corsSource) {
        ServerWebExchangeMatcher open = ServerWebExchangeMatchers.pathMatchers(
                RouteTable.openPaths().toArray(String[]::new));
        ServerAuthenticationEntryPoint entryPoint = (exchange, e) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "A valid access token is required", headers);
        };
        ServerAccessDeniedHandler denied = (exchange, e) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
                "forbidden", "Your role may not do this");
        // A stale or broken token on an open path (e.g. refresh after expiry) is ignored there, not a 401.
        ServerAuthenticationFailureHandler failure = (filterExchange, e) -> open.matches(filterExchange.getExchange())
                .flatMap(match -> match.isMatch()
                        ? filterExchange.getChain().filter(filterExchange.getExchange())
                        : entryPoint.commence(filterExchange.getExchange(), e));

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(c -> c.configurationSource(corsSource))
                .authorizeExchange(a -> a
                        // Metrics tell an attacker a lot (routes, load, versions): the machine itself (a scraper
                        // on the host, not a request a local proxy forwards) or a service token only.
                        .pathMatchers("/metrics", "/metrics/**").access(LocalOrServiceCaller.INSTANCE)
                        .matchers(open).permitAll()
                        .pathMatchers(RouteTable.INTERNAL).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtDecoder(decoder).jwtAuthenticationConverter(LocalOrServiceCaller.roles()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied)
                        .authenticationFailureHandler(failure))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewaySettings settings) {
        CorsPolicy policy = settings.cors().policy();
        CorsConfiguration cors = new CorsConfiguration();
        if (policy.allowsAnyOrigin()) {
            cors.setAllowedOriginPatterns(List.of("*"));
        } else {
            // Empty list: every cross-origin request is refused (same-origin requests are not CORS requests).
            cors.setAllowedOrigins(policy.origins());
        }
        cors.setAllowCredentials(policy.credentialsAllowed());
        cors.setAllowedMethods(policy.methods());
        cors.setAllowedHeaders(policy.headers());
        cors.setExposedHeaders(CorsPolicy.EXPOSED_HEADERS);
        Duration maxAge = settings.cors().maxAge();
        cors.setMaxAge(maxAge);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * Spring Security's firewall refusals ({@code ;jsessionid=}, {@code //}, {@code %25}…) as problem+json: its own
     * handler answers a bare 400 with no body.
     */
    @Bean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler exchangeRejectedHandler() {
        return (exchange, rejected) -> ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request",
                "The request is malformed: its URL contains characters or segments that are not allowed "
                        + "(e.g. ;jsessionid=, //, an encoded % or a control character)");
    }

    @Bean
    CallerFilter callerFilter() {
        return new CallerFilter();
    }
}
