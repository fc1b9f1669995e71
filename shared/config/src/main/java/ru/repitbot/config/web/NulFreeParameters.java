package ru.repitbot.config.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query or form parameter containing the NUL character ({@code ?search=%00}) is a 400 naming the parameter, before
 * any handler passes it to PostgreSQL (which cannot take it in text and would answer with an error that looks like a
 * conflict). Multipart bodies are left to their handlers: reading them here would parse every upload twice.
 */
public class NulFreeParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (hasNul(parameter.getKey()) || java.util.Arrays.stream(parameter.getValue())
                        .anyMatch(NulFreeParameters::hasNul)) {
                    refuse(request, response, Names.snake(parameter.getKey().replace("\0", "")));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String parameter)
            throws IOException {
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input",
                "Invalid parameter " + parameter, instance(request)),
                List.of(new Problems.FieldError(parameter, NulFreeText.REASON)));
        byte[] body = Problems.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
