package ru.repitbot.gateway.security;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Who may read the gateway's operational insides ({@code /metrics}, health details): a process on the gateway's own
 * machine that talks to it directly (a Prometheus agent; a request relayed by a local reverse proxy carries
 * {@code X-Forwarded-For} and does not count), or a caller with a service token ({@code ROLE_SERVICE}).
 */
final class LocalOrServiceCaller implements ReactiveAuthorizationManager<AuthorizationContext> {

    static final LocalOrServiceCaller INSTANCE = new LocalOrServiceCaller();
    static final String SERVICE_ROLE = "ROLE_SERVICE";

    private LocalOrServiceCaller() {
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        var request = context.getExchange().getRequest();
        InetSocketAddress peer = request.getRemoteAddress();
        boolean local = peer != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress()
                && !request.getHeaders().containsHeader("X-Forwarded-For")
                && !request.getHeaders().containsHeader("Forwarded");
        if (local) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return authentication
                .map(a -> a.isAuthenticated() && a.getAuthorities().stream()
                        .anyMatch(g -> SERVICE_ROLE.equals(g.getAuthority())))
                .defaultIfEmpty(false)
                .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted));
    }

    /** {@code ROLE_<role>} from the token's {@code role} claim, as the services read it. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> roles() {
        return new ReactiveJwtAuthenticationConverterAdapter(jwt -> {
            String role = jwt.getClaimAsString("role");
            List<SimpleGrantedAuthority> authorities = role == null ? List.of()
                    : List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        });
    }
}
