package ru.repitbot.config.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error} as problem+json, in place of Boot's {@code {"timestamp",…,"error"}} body. Requests end up here when
 * they fail outside a controller: Spring Security's firewall refusing a path ({@code ;jsessionid=}, {@code //},
 * {@code %25}, non-printable characters), a filter's {@code sendError}, a servlet container error page.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String kind;
        String detail;
        if (isFirewallRefusal(failure)) {
            status = HttpStatus.BAD_REQUEST;
            kind = "malformed-request";
            detail = "The request is malformed: its URL contains characters or segments that are not allowed "
                    + "(e.g. ;jsessionid=, //, an encoded % or a control character)";
        } else if (status.is5xxServerError()) {
            kind = "internal";
            detail = "Something went wrong on our side; it has been logged";
        } else {
            kind = status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            detail = status.getReasonPhrase();
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        URI instance = null;
        if (uri instanceof String path && status != HttpStatus.BAD_REQUEST) {
            try {
                instance = URI.create(path);
            } catch (IllegalArgumentException notAUri) {
                instance = null;
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.toJson(Problems.of(status, kind, detail, instance)));
    }

    /** By name: Spring Security is optional (the bot has none), and so is its firewall's exception class. */
    private static boolean isFirewallRefusal(Object failure) {
        for (Class<?> type = failure == null ? null : failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.springframework.security.web.firewall.RequestRejectedException")) {
                return true;
            }
        }
        return false;
    }
}
