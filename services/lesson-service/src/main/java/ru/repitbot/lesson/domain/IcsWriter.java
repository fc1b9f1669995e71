package ru.repitbot.lesson.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar feed (RFC 5545) of lessons: one VEVENT per dated lesson, times in UTC ({@code 20250303T150000Z}, so
 * no VTIMEZONE is needed and every client shows the right local time), CRLF line endings, lines folded at 75 octets
 * without splitting a UTF-8 character, and text values escaped ({@code \\ ; , newline}).
 */
public final class IcsWriter {

    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private IcsWriter() {
    }

    /**
     * One event.
     *
     * @param uid stable per lesson, so a client updates the event instead of duplicating it
     * @param sequence grows with every change of the lesson
     * @param stamp when the event last changed
     */
    public record Event(String uid, Instant start, Instant end, String summary, String description,
            boolean cancelled, long sequence, Instant stamp) {
    }

    /**
     * @param name the calendar's display name
     * @param timeZone the owner's IANA zone, a display hint for clients ({@code X-WR-TIMEZONE}); may be null
     */
    public static String calendar(String name, String timeZone, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//RepitBot//lesson-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(name));
        if (timeZone != null) {
            line(out, "X-WR-TIMEZONE:" + escape(timeZone));
        }
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + escape(e.uid()));
            line(out, "DTSTAMP:" + UTC.format(e.stamp()));
            line(out, "LAST-MODIFIED:" + UTC.format(e.stamp()));
            line(out, "SEQUENCE:" + e.sequence());
            line(out, "DTSTART:" + UTC.format(e.start()));
            line(out, "DTEND:" + UTC.format(e.end()));
            line(out, "SUMMARY:" + escape(e.summary()));
            if (e.description() != null && !e.description().isBlank()) {
                line(out, "DESCRIPTION:" + escape(e.description()));
            }
            line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "TRANSP:OPAQUE");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT escaping of RFC 5545 §3.3.11. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Folds a content line (RFC 5545 §3.1): no physical line longer than 75 octets, continuation lines start with
     * one space, and a multi-octet UTF-8 character is never split.
     */
    public static String fold(String contentLine) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = MAX_OCTETS;
        int i = 0;
        while (i < contentLine.length()) {
            int codePoint = contentLine.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_OCTETS - 1;
            }
            out.append(contentLine, i, i + chars);
            octets += size;
            i += chars;
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String contentLine) {
        out.append(fold(contentLine)).append(CRLF);
    }
}
