package ru.repitbot.config.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.repitbot.config.docs.DocsPaths;

/**
 * Swagger UI, {@code /redoc} and the OpenAPI document answer 404 when the API docs are off
 * ({@link ru.repitbot.config.env.DeploymentMode#docsEnabled}: off in production unless {@code DOCS_ENABLED=true}).
 * A filter rather than springdoc's own switches: those are bean conditions, fixed when an AOT jar is built.
 */
public class DocsGateFilter extends OncePerRequestFilter {

    private final boolean enabled;

    public DocsGateFilter(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return enabled || !DocsPaths.isDocsPath(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.toJson(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "No such endpoint: the API docs are off here (DOCS_ENABLED)", URI.create(request.getRequestURI()))));
    }
}
