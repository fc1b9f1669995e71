package ru.repitbot.config.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Spring Security's refusals raised inside a controller, as 403 problem+json. Separate from
 * {@link ProblemDetailsAdvice} so applications without Spring Security (the bot) need not carry it.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class SecurityProblemsAdvice {

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return ProblemDetailsAdvice.problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Your role may not do this", ProblemDetailsAdvice.uri(request)), new HttpHeaders());
    }
}
