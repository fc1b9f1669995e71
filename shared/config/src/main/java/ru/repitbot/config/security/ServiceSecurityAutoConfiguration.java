package ru.repitbot.config.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import ru.repitbot.events.CurrentActor;

/**
 * Every servlet service is a JWT resource server: tokens from auth-service's JWKS (RS256, iss, aud, expiry), a
 * {@code ROLE_<role>} authority from the {@code role} claim, stateless, with 401/403 as problem+json. Operational
 * endpoints and docs are open; everything else needs a token. Ownership is checked by each service's rules.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        // Boot 4.1 moved the resource server's own filter chain here: without it, a service that declares its own
        // JwtDecoder (auth-service) got Boot's chain (sessions, every path closed, /health 401) instead of ours.
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, JwtDecoder.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    /** Paths every service serves without a token. */
    public static final String[] OPEN_PATHS = {"/health", "/health/**", "/livez", "/readyz", "/metrics", "/info",
        "/docs", "/docs/**", "/swagger-ui/**", "/swagger-ui.html", "/openapi.json", "/openapi.json/**", "/redoc",
        "/webjars/**", "/error"};

    @Bean
    ru.repitbot.config.web.SecurityProblemsAdvice securityProblemsAdvice() {
        return new ru.repitbot.config.web.SecurityProblemsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return TokenValidation.decoder(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain repitbotSecurityFilterChain(HttpSecurity http, SecurityProperties properties)
            throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(OPEN_PATHS).permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        a.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    a.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(roleConverter()))
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied()))
                .addFilterBefore(new KeySetUnavailableFilter(),
                        org.springframework.security.oauth2.server.resource.web.authentication
                                .BearerTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied()));
        return http.build();
    }

    @Bean
    @ConditionalOnClass(name = "ru.repitbot.events.CurrentActor")
    @ConditionalOnMissingBean
    CurrentActor currentActor() {
        return () -> CurrentUser.current().map(CurrentUser::actorId).orElse(null);
    }

    static Converter<Jwt, AbstractAuthenticationToken> roleConverter() {
        return jwt -> {
            String role = jwt.getClaimAsString(CurrentUser.ROLE_CLAIM);
            var authorities = role == null ? java.util.List.<SimpleGrantedAuthority>of()
                    : java.util.List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT)));
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
