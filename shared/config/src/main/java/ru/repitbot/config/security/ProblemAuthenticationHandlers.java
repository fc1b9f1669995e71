package ru.repitbot.config.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import ru.repitbot.config.web.Problems;

/** 401 and 403 from the security filters as {@code application/problem+json}, like every other error. */
public final class ProblemAuthenticationHandlers {

    private ProblemAuthenticationHandlers() {
    }

    public static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "A valid access token is required", URI.create(request.getRequestURI())));
        };
    }

    public static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Your role may not do this", URI.create(request.getRequestURI())));
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.toJson(problem));
    }
}
