package ru.repitbot.auth.web;

import ru.repitbot.auth.api.ClientCredentialsRequest;
import ru.repitbot.auth.api.LoginRequest;
import ru.repitbot.auth.api.LoginResponse;
import ru.repitbot.auth.api.MeResponse;
import ru.repitbot.auth.api.RefreshTokenRequest;
import ru.repitbot.auth.api.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.auth.config.AuthProperties;
import ru.repitbot.auth.app.AccessTokens;
import ru.repitbot.auth.app.Logins;
import ru.repitbot.auth.app.ServiceTokens;
import ru.repitbot.auth.app.Sessions;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.errors.InvalidFieldException;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Login with an access code, token refresh and logout, service tokens")
public class AuthController {

    static final String GRANT_TYPE = "client_credentials";

    private final Logins logins;
    private final Sessions sessions;
    private final ServiceTokens serviceTokens;
    private final JwtDecoder jwtDecoder;
    private final boolean trustServiceCallers;
    private final Clock clock;

    public AuthController(Logins logins, Sessions sessions, ServiceTokens serviceTokens, JwtDecoder jwtDecoder,
            AuthProperties properties, Clock clock) {
        this.logins = logins;
        this.sessions = sessions;
        this.serviceTokens = serviceTokens;
        this.jwtDecoder = jwtDecoder;
        this.trustServiceCallers = properties.throttle().trustServiceCallers();
        this.clock = clock;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Log in with an access code",
            description = """
                    Checks the code's format (trimmed, upper-cased, 6-10 of A-Z0-9), then the wrong-code lock-out, \
                    then asks user-service, which binds the code's user to this Telegram id on first use. Wrong \
                    codes are counted per Telegram id and per source address (last X-Forwarded-For entry, else \
                    the remote address): 5 a minute lock the caller out for 1 min, then 2, 4, 8 … up to 24 h. A \
                    caller that sends a valid service token (the bot) is counted per Telegram id only.""")
    @ApiResponse(responseCode = "200", description = "Logged in")
    @ApiResponse(responseCode = "400", description = "Malformed body or access code (errors name the field)")
    @ApiResponse(responseCode = "401", description = "Wrong access code")
    @ApiResponse(responseCode = "409", description = "The code's user is bound to another Telegram account (or "
            + "this account to another user); the tutor resets the code to rebind")
    @ApiResponse(responseCode = "429", description = "Locked out after too many wrong codes",
            headers = @Header(name = "Retry-After", description = "Seconds until the lock-out ends"))
    @ApiResponse(responseCode = "503", description = "user-service or Redis is unavailable; try again")
    public ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest body,
            @Parameter(description = "Set by the gateway; its last entry is the address wrong codes are counted for")
            @RequestHeader(name = "X-Forwarded-For", required = false) String forwardedFor,
            HttpServletRequest request) {
        String address = isTrustedServiceCaller(request) ? null : sourceAddress(forwardedFor, request.getRemoteAddr());
        Sessions.Tokens tokens = logins.login(body.accessCode(), body.telegramId(), body.username(), address);
        return noStore(loginResponse(tokens));
    }

    @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Exchange a refresh token for a new pair",
            description = """
                    Each refresh token works once: the answer carries its successor (same login, a new 7-day \
                    lifetime) and the current role from user-service. Presenting a used refresh token again ends \
                    the whole login (all its refresh tokens), since a copy must be in someone else's hands. So \
                    does a reset access code: once user-service no longer binds the user to the Telegram id the \
                    login was made with, the login ends ("the access code was reset; log in again").""")
    @ApiResponse(responseCode = "200", description = "A new access and refresh token")
    @ApiResponse(responseCode = "400", description = "No refresh_token in the body")
    @ApiResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token, the "
            + "user was deleted, or the access code was reset since this login")
    @ApiResponse(responseCode = "503", description = "user-service is unavailable; the token stays usable")
    public ResponseEntity<LoginResponse> refresh(@Valid @RequestBody RefreshTokenRequest body) {
        return noStore(loginResponse(sessions.refresh(body.refreshToken())));
    }

    @PostMapping(path = "/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "End a login", description = "Revokes the refresh token's whole family. Idempotent: an "
            + "unknown or already revoked token also answers 204. Access tokens already issued stay valid until "
            + "they expire (at most 30 minutes).")
    @ApiResponse(responseCode = "204", description = "Logged out")
    @ApiResponse(responseCode = "400", description = "No refresh_token in the body")
    public ResponseEntity<Void> logout(@Valid @RequestBody RefreshTokenRequest body) {
        sessions.logout(body.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Get a service token (client credentials)",
            description = """
                    For deployables calling each other: client_id is the deployable's name (telegram-bot, \
                    scheduler-service, …), client_secret its <NAME>_SECRET_KEY. Also accepted as \
                    application/x-www-form-urlencoded. The token has sub service:<client_id> and role service.""")
    @ApiResponse(responseCode = "200", description = "A service token")
    @ApiResponse(responseCode = "400", description = "Missing field or a grant_type other than "
            + "client_credentials")
    @ApiResponse(responseCode = "401", description = "Unknown client, client without a configured secret, or "
            + "wrong secret")
    public ResponseEntity<TokenResponse> token(@RequestBody ClientCredentialsRequest body) {
        return clientCredentials(body.grantType(), body.clientId(), body.clientSecret());
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Get a service token (client credentials, form-urlencoded)")
    public ResponseEntity<TokenResponse> tokenForm(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret) {
        return clientCredentials(grantType, clientId, clientSecret);
    }

    @GetMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Who the access token speaks for", description = "The token's user id and role (or "
            + "service name) and when it expires.")
    @ApiResponse(responseCode = "200", description = "The token's subject")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    public MeResponse me(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt) {
        CurrentUser caller = CurrentUser.fromJwt(jwt);
        long expiresIn = jwt.getExpiresAt() == null ? 0
                : Math.max(0, Duration.between(clock.instant(), jwt.getExpiresAt()).toSeconds());
        return new MeResponse(caller.isService() ? null : caller.id(),
                caller.isService() ? CurrentUser.SERVICE_ROLE : caller.role().value(), caller.service(),
                jwt.getExpiresAt(), expiresIn);
    }

    private ResponseEntity<TokenResponse> clientCredentials(String grantType, String clientId, String secret) {
        if (grantType == null || grantType.isBlank()) {
            throw new InvalidFieldException("grant_type", "is required (client_credentials)");
        }
        if (!GRANT_TYPE.equals(grantType.strip())) {
            throw new InvalidFieldException("grant_type", "must be client_credentials");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new InvalidFieldException("client_id", "is required");
        }
        if (secret == null || secret.isEmpty()) {
            throw new InvalidFieldException("client_secret", "is required");
        }
        AccessTokens.Issued token = serviceTokens.issue(clientId.strip(), secret);
        return noStore(new TokenResponse(token.value(), "bearer", token.expiresInSeconds()));
    }

    /** Whether the request carries a valid service token (ignored when invalid: login itself is open). */
    private boolean isTrustedServiceCaller(HttpServletRequest request) {
        if (!trustServiceCallers) {
            return false;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            Jwt jwt = jwtDecoder.decode(header.substring(7).strip());
            return CurrentUser.SERVICE_ROLE.equals(jwt.getClaimAsString(CurrentUser.ROLE_CLAIM));
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The address the gateway saw: the last {@code X-Forwarded-For} entry (the gateway appends its peer; earlier
     * entries come from the client and can be forged), else the remote address.
     */
    public static String sourceAddress(String forwarded, String remoteAddress) {
        if (forwarded != null) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return remoteAddress;
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(body);
    }

    private static LoginResponse loginResponse(Sessions.Tokens tokens) {
        return new LoginResponse(tokens.access().value(), tokens.refreshToken(), "bearer",
                tokens.access().expiresInSeconds(), tokens.refreshExpiresInSeconds(), tokens.userId(), tokens.role(),
                tokens.fullName());
    }
}
