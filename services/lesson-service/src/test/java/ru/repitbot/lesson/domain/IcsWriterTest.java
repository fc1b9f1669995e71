package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feed is written by hand, so it is read back by a small RFC 5545 parser: unfolding, unescaping, UTC times. */
class IcsWriterTest {

    static final Instant STAMP = Instant.parse("2030-03-01T10:00:00Z");

    @Test
    void eventsReadBackWithTheirTimesAndText() {
        String topic = "Дроби, проценты; пропорции \\ и «задачи»\nвторая строка";
        String ics = IcsWriter.calendar("RepitBot", "Europe/Kaliningrad", List.of(
                new IcsWriter.Event("lesson-1@repitbot", Instant.parse("2030-03-04T16:00:00Z"),
                        Instant.parse("2030-03-04T17:30:00Z"), topic, "Иван Петров", false, 3, STAMP),
                new IcsWriter.Event("lesson-2@repitbot", Instant.parse("2030-03-05T08:00:00Z"),
                        Instant.parse("2030-03-05T09:00:00Z"), "Отменённый урок", null, true, 1, STAMP)));

        List<Map<String, String>> events = parse(ics);
        assertThat(events).hasSize(2);
        Map<String, String> first = events.getFirst();
        assertThat(first.get("UID")).isEqualTo("lesson-1@repitbot");
        assertThat(utc(first.get("DTSTART"))).isEqualTo(Instant.parse("2030-03-04T16:00:00Z"));
        assertThat(utc(first.get("DTEND"))).isEqualTo(Instant.parse("2030-03-04T17:30:00Z"));
        assertThat(first.get("SUMMARY")).isEqualTo(topic);
        assertThat(first.get("DESCRIPTION")).isEqualTo("Иван Петров");
        assertThat(first.get("STATUS")).isEqualTo("CONFIRMED");
        assertThat(first.get("SEQUENCE")).isEqualTo("3");
        assertThat(events.get(1).get("STATUS")).isEqualTo("CANCELLED");
        assertThat(events.get(1)).doesNotContainKey("DESCRIPTION");
    }

    @Test
    void linesEndInCrlfAndNoneIsLongerThan75Octets() {
        String longTopic = "Очень длинная тема урока про квадратные уравнения, ".repeat(8) + "и ещё 😀 эмодзи";
        String ics = IcsWriter.calendar("RepitBot", null, List.of(new IcsWriter.Event("lesson-9@repitbot",
                Instant.parse("2030-03-04T16:00:00Z"), Instant.parse("2030-03-04T17:00:00Z"), longTopic, null,
                false, 1, STAMP)));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
            // A fold never splits a character: every physical line is valid UTF-8 on its own.
            assertThat(new String(physical.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(physical);
            assertThat(physical).doesNotContain("\uFFFD");
        }
        assertThat(parse(ics).getFirst().get("SUMMARY")).isEqualTo(longTopic);
        assertThat(ics).contains("VERSION:2.0").contains("PRODID:").doesNotContain("X-WR-TIMEZONE");
    }

    @Test
    void escapingCoversBackslashSemicolonCommaAndNewlines() {
        assertThat(IcsWriter.escape("a\\b;c,d\ne\r\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
    }

    @Test
    void anEmptyCalendarIsStillValid() {
        String ics = IcsWriter.calendar("RepitBot", "Europe/Berlin", List.of());
        assertThat(ics).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RepitBot//lesson-service//EN\r\n"
                + "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:RepitBot\r\n"
                + "X-WR-TIMEZONE:Europe/Berlin\r\nEND:VCALENDAR\r\n");
    }

    /** Unfolds (CRLF + one space or tab), splits name:value, unescapes TEXT; one map per VEVENT. */
    static List<Map<String, String>> parse(String ics) {
        assertThat(ics).doesNotContainPattern("(?<!\r)\n");
        String unfolded = ics.replaceAll("\r\n[ \t]", "");
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).split(";")[0];
            String value = line.substring(colon + 1);
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                current.put(name, unescape(value));
            }
        }
        return events;
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static Instant utc(String value) {
        assertThat(value).endsWith("Z");
        return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
    }
}
