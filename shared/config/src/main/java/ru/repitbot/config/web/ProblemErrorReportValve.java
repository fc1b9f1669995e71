package ru.repitbot.config.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page as problem+json. Tomcat refuses some requests before any filter or controller runs: a
 * {@code %00}, {@code %2F} or {@code %5C} in the path, {@code |} or <code>{</code> in the request line, a header or
 * URL longer than its buffers. It then writes its HTML "HTTP Status 400" page through the host's error report valve;
 * this valve takes that place ({@link TomcatProblemPages}), so a client gets the same RFC 9457 shape as from every
 * other error. Tomcat does not say which rule a request broke, and the detail says only what a caller can fix.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String detail = switch (code) {
            case 400 -> "The request is malformed: its path, query or headers contain characters or encodings that "
                    + "are not allowed (e.g. %00, an encoded slash, | or {), or are too long";
            case 413, 414, 431 -> "The request is too large: shorten its URL, headers or body";
            case 505 -> "Only HTTP/1.1 and HTTP/2 are served";
            default -> status == null ? "The request could not be served" : status.getReasonPhrase();
        };
        String kind = code == 400 ? "malformed-request"
                : status == null ? "error" : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String body = Problems.toJson(Problems.of(status == null ? HttpStatus.BAD_REQUEST : status, kind, detail,
                null));
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response cannot take a body: nothing more to tell anyone.
        }
    }
}
