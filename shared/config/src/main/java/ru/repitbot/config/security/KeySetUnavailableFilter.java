package ru.repitbot.config.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.repitbot.config.web.Problems;
import ru.repitbot.config.logging.LogSafe;

/**
 * When a token cannot be checked because auth-service's JWKS does not answer, Spring Security raises an
 * {@link AuthenticationServiceException} that would surface as a 500. It is our dependency being away, not the
 * caller's fault: answer 503 problem+json with {@code Retry-After}.
 */
class KeySetUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(KeySetUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AuthenticationServiceException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.warn("Could not check a token: {}", LogSafe.value(e.getMessage()));
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Tokens cannot be checked right now; try again shortly", URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "5");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.toJson(problem));
        }
    }
}
