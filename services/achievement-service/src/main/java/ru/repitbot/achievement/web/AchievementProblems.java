package ru.repitbot.achievement.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.repitbot.calls.ServiceCallException;
import ru.repitbot.config.web.Problems;

/** A rebuild whose sources did not answer is a 502 problem+json naming the failed read, not a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AchievementProblems {

    @ExceptionHandler(ServiceCallException.class)
    ResponseEntity<ProblemDetail> sourceUnavailable(ServiceCallException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_GATEWAY, "bad-gateway", e.getMessage(),
                URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
