package ru.repitbot.auth.config;

import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.client.RestClient;
import ru.repitbot.auth.domain.OpaqueTokens;
import ru.repitbot.auth.domain.ServiceClients;
import ru.repitbot.auth.app.SigningKeys;
import ru.repitbot.config.security.SecurityProperties;

/** auth-service's beans: its own token validation, the user-service client, secrets, randomness and time. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@EnableScheduling
public class AuthConfiguration {

    /** The open endpoints that take credentials in their body: a stale bearer token sent along is ignored there. */
    public static final Set<String> CREDENTIAL_ENDPOINTS = Set.of("/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout", "/api/v1/auth/token", "/.well-known/jwks.json");

    @Bean
    OpaqueTokens opaqueTokens() {
        return new OpaqueTokens(new SecureRandom());
    }

    /** Each deployable's secret from the seed's {@code <NAME>_SECRET_KEY} (environment or any property source). */
    @Bean
    ServiceClients serviceClients(Environment environment) {
        return ServiceClients.configure(client -> environment.getProperty(ServiceClients.secretVariable(client)));
    }

    /** Validates tokens with auth-service's own public keys; the shared JWKS-over-HTTP decoder backs off. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security) {
        return LocalTokenDecoder.create(keys.publicKeys(), security.issuer(), security.audience());
    }

    /**
     * Bearer tokens are read everywhere except on the credential endpoints, so a client that sends its expired
     * access token along with a refresh is not turned away before its refresh token is looked at.
     */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> CREDENTIAL_ENDPOINTS.contains(pathOf(request)) ? null : standard.resolve(request);
    }

    @Bean
    RestClient userServiceRestClient(RestClient.Builder builder, AuthProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.userServiceTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.userServiceTimeout());
        return builder.baseUrl(properties.userServiceUrl()).requestFactory(factory).build();
    }

    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
    }
}
