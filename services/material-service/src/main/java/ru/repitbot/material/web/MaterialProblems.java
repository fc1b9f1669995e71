package ru.repitbot.material.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import ru.repitbot.calls.ServiceCallException;
import ru.repitbot.config.web.Problems;
import ru.repitbot.material.domain.FilePolicy;
import ru.repitbot.material.domain.FileRejectedException;

/**
 * Refused uploads as problems: too large 413, a type not allowed (or content not matching its name) 415, an empty
 * file 400, too many files 409 — each naming the file; lesson-service or homework-service unreachable 503. Runs before the shared {@code ProblemDetailsAdvice}, which
 * answers everything else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MaterialProblems {

    private final FilePolicy policy;

    public MaterialProblems(FilePolicy policy) {
        this.policy = policy;
    }

    @ExceptionHandler(FileRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FileRejectedException e, HttpServletRequest request) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case TOO_MANY -> HttpStatus.CONFLICT;
        };
        String kind = switch (e.reason()) {
            case TOO_LARGE -> "file-too-large";
            case UNSUPPORTED_TYPE -> "unsupported-file-type";
            case EMPTY -> "empty-file";
            case TOO_MANY -> "too-many-files";
        };
        ProblemDetail problem = Problems.of(status, kind, e.getMessage(), URI.create(request.getRequestURI()));
        if (e.fileName() != null) {
            problem.setProperty("file_name", e.fileName());
        }
        problem.setProperty("max_file_size_bytes", policy.maxBytes());
        problem.setProperty("allowed_types", policy.allowedExtensions());
        Problems.withErrors(problem, List.of(new Problems.FieldError("file", e.getMessage())));
        return respond(status, problem);
    }

    /** The container's own limit (well above the service's) was hit: the request as a whole is too large. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String detail = "The upload is too large; each file may be at most " + policy.maxBytes() + " bytes";
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", detail,
                URI.create(request.getRequestURI()));
        problem.setProperty("max_file_size_bytes", policy.maxBytes());
        Problems.withErrors(problem, List.of(new Problems.FieldError("file", detail)));
        return respond(HttpStatus.CONTENT_TOO_LARGE, problem);
    }

    /** lesson-service or homework-service did not answer whose a lesson or homework is: try again shortly. */
    @ExceptionHandler(ServiceCallException.class)
    ResponseEntity<ProblemDetail> ownerUnavailable(ServiceCallException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "owner-unavailable",
                "The lesson or homework could not be checked just now; try again shortly",
                URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
