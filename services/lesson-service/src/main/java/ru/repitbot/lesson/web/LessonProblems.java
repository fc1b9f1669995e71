package ru.repitbot.lesson.web;

import ru.repitbot.lesson.app.LessonOverlapException;
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
import ru.repitbot.config.web.Problems;

/**
 * The one problem the shared advice cannot shape: an overlap names the other lesson, so a client can show or open it.
 * Runs before the shared {@code ProblemDetailsAdvice}; everything else is left to it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LessonProblems {

    @ExceptionHandler(LessonOverlapException.class)
    ResponseEntity<ProblemDetail> overlap(LessonOverlapException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "lesson-overlap", e.getMessage(),
                URI.create(request.getRequestURI()));
        problem.setProperty("conflicting_lesson_id", e.conflictingLessonId());
        problem.setProperty("conflicting_start_at", e.conflictingStartAt().toString());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
