package ru.repitbot.config.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.models.errors.DomainException;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.models.errors.TooManyRequestsException;
import ru.repitbot.models.errors.UnauthorizedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import ru.repitbot.config.logging.LogSafe;

/**
 * Every error of a service as {@code application/problem+json}: bad input is a 400 naming the field and the reason,
 * a foreign or missing object 404, a wrong role 403, a collision 409; an unexpected failure is a logged 500 that
 * reveals nothing. A body field the endpoint does not know is a 400 naming it ({@link StrictRequestBodies}).
 * Ordered last: a service's own advice (ordered earlier) handles its special exceptions first.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** The reason a 400 gives for a body field the endpoint does not know. */
    public static final String UNKNOWN_FIELD = "unknown field";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e, HttpServletRequest request) {
        HttpStatus status = switch (e) {
            case NotFoundException ignored -> HttpStatus.NOT_FOUND;
            case ForbiddenException ignored -> HttpStatus.FORBIDDEN;
            case ConflictException ignored -> HttpStatus.CONFLICT;
            case InvalidFieldException ignored -> HttpStatus.BAD_REQUEST;
            case TooManyRequestsException ignored -> HttpStatus.TOO_MANY_REQUESTS;
            case UnauthorizedException ignored -> HttpStatus.UNAUTHORIZED;
            default -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = Problems.of(status, e.kind(), e.getMessage(), uri(request));
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof InvalidFieldException invalid) {
            Problems.withErrors(problem, List.of(new Problems.FieldError(invalid.field(), invalid.reason())));
        }
        if (e instanceof TooManyRequestsException tooMany) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
        }
        return problem(problem, headers);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return badRequest("Invalid input", errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        // A wire enum's own message names the allowed values ("must be one of [...]").
        Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
        String reason = root instanceof IllegalArgumentException && root.getMessage() != null
                && root.getMessage().startsWith("must be") ? root.getMessage() : "must be " + article(expected);
        return badRequest("Invalid parameter " + e.getName(),
                List.of(new Problems.FieldError(e.getName(), reason)), request);
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Object> integrity(RuntimeException e, HttpServletRequest request) {
        // The database quotes the offending values (what a caller sent): cut and escaped.
        log.info("Rejected by a database constraint: {}", LogSafe.value(
                org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()));
        return problem(Problems.of(HttpStatus.CONFLICT, "conflict",
                "The change conflicts with existing data", uri(request)), new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), LogSafe.value(request.getRequestURI()), e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; it has been logged", uri(request)), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(
                new Problems.FieldError(Names.snake(f.getField()), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(
                new Problems.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return badRequest("Invalid request body", errors, servlet(request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new Problems.FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return badRequest("Invalid parameters", errors, servlet(request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest("Missing parameter " + e.getParameterName(),
                List.of(new Problems.FieldError(e.getParameterName(), "is required")), servlet(request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return badRequest("Missing part " + e.getRequestPartName(),
                List.of(new Problems.FieldError(e.getRequestPartName(), "is required")), servlet(request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        List<Problems.FieldError> errors = new ArrayList<>();
        String detail = "The request body is not valid JSON for this endpoint";
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            // A typo ("duraton_minutes") must not silently fall back to a default: name the field and the known ones.
            String field = unknown.getPath().isEmpty() ? unknown.getPropertyName() : Names.path(unknown.getPath());
            errors.add(new Problems.FieldError(field, UNKNOWN_FIELD));
            detail = "Unknown field " + field + knownFields(unknown);
        } else if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            // Wrong types, unknown enum values, numbers too big for their field: name the field.
            String field = Names.path(jackson.getPath());
            String reason = cause instanceof IllegalArgumentException iae && iae.getMessage() != null
                    ? iae.getMessage() : "has the wrong type or format";
            errors.add(new Problems.FieldError(field, reason));
            detail = "Invalid value for " + field;
        } else if (e.getCause() instanceof JacksonException) {
            errors.add(new Problems.FieldError("body", "is not well-formed JSON"));
        } else {
            errors.add(new Problems.FieldError("body", "is missing or unreadable"));
        }
        return badRequest(detail, errors, servlet(request));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            problem.setType(Problems.type(status == null ? "error" : status.name().toLowerCase().replace('_', '-')));
        }
        return response;
    }

    private ResponseEntity<Object> badRequest(String detail, List<Problems.FieldError> errors,
            HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", detail, uri(request));
        return problem(Problems.withErrors(problem, errors), new HttpHeaders());
    }

    static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    static URI uri(HttpServletRequest request) {
        return URI.create(request.getRequestURI());
    }

    private static String knownFields(UnrecognizedPropertyException unknown) {
        if (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        return "; known fields: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return Names.snake(dot < 0 ? path : path.substring(dot + 1));
    }

    private static String article(String type) {
        return switch (type) {
            case "Long", "Integer", "int", "long" -> "a whole number";
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 date-time";
            case "Boolean", "boolean" -> "true or false";
            default -> "a valid " + type;
        };
    }
}
