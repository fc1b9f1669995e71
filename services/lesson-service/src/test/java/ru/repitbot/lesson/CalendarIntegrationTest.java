package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;

/** Private iCalendar feeds: reachable without a token, 404 for a wrong or rotated one. */
class CalendarIntegrationTest extends IntegrationTest {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    ApiClient calendarApp() {
        return anonymous().withHeader("Accept", "text/calendar");
    }

    static String path(String url) {
        return URI.create(url).getRawPath();
    }

    @Test
    void aTutorsFeedListsTheirLessonsWithoutAToken() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long taught = createLesson(tutor, student, "Дроби, доли; части", at(60, 0), 90).path("id").asLong();
        long cancelled = createLesson(tutor, student, "Проценты", at(61, 0)).path("id").asLong();
        as(tutor, "tutor").post("/api/v1/lessons/" + cancelled + "/cancel", Map.of());

        ApiClient.ApiResponse link = as(tutor, "tutor").post("/api/v1/calendar/feeds", Map.of());
        assertThat(link.status()).isEqualTo(201);
        String location = link.header("Location");
        assertThat(location).isEqualTo("/api/v1/calendar/feeds/" + link.json().path("id").asLong());
        assertThat(as(tutor, "tutor").get(location).json().path("id").asLong()).isEqualTo(link.json().path("id")
                .asLong());
        String url = link.json().path("url").asString();
        assertThat(url).startsWith("http://127.0.0.1:8000/api/v1/calendar/").endsWith(".ics");

        ApiClient.ApiResponse feed = calendarApp().get(path(url));
        assertThat(feed.status()).as("%s", feed).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        String ics = feed.body();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nEND:VCALENDAR");
        Map<String, Map<String, String>> events = events(ics);
        assertThat(events).containsOnlyKeys("lesson-" + taught + "@repitbot", "lesson-" + cancelled + "@repitbot");
        Map<String, String> first = events.get("lesson-" + taught + "@repitbot");
        assertThat(first.get("SUMMARY")).isEqualTo("Дроби\\, доли\\; части");
        assertThat(utc(first.get("DTSTART"))).isEqualTo(at(60, 0));
        assertThat(utc(first.get("DTEND"))).isEqualTo(at(60, 0).plusSeconds(90 * 60));
        assertThat(first.get("STATUS")).isEqualTo("CONFIRMED");
        assertThat(events.get("lesson-" + cancelled + "@repitbot").get("STATUS")).isEqualTo("CANCELLED");
        assertThat(utc(events.get("lesson-" + cancelled + "@repitbot").get("DTSTART")))
                .as("the date that was really cancelled").isEqualTo(at(61, 0));
        // The undated make-up lesson created by the cancellation has no place in a calendar.
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
    }

    @Test
    void aWrongOrRotatedTokenIs404() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        createLesson(tutor, student, "Урок", at(62, 0));
        String old = path(as(student, "student").post("/api/v1/calendar/feeds", null).json().path("url").asString());
        assertThat(calendarApp().get(old).status()).isEqualTo(200);

        String fresh = path(as(student, "student").post("/api/v1/calendar/feeds", null).json().path("url")
                .asString());
        assertThat(fresh).isNotEqualTo(old);
        assertThat(calendarApp().get(old).status()).as("rotated").isEqualTo(404);
        assertThat(calendarApp().get(fresh).status()).isEqualTo(200);
        assertThat(calendarApp().get("/api/v1/calendar/" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
        assertThat(calendarApp().get("/api/v1/calendar/nonsense.ics").status()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/calendar/nonsense.ics").status()).isEqualTo(404);
        ApiClient.ApiResponse noSuffix = anonymous().get(fresh.substring(0, fresh.length() - ".ics".length()));
        assertThat(noSuffix.status()).as("a feed URL without .ics: %s", noSuffix).isEqualTo(404);
        assertThat(noSuffix.isProblem()).isTrue();
        assertThat(jdbc.queryForList("SELECT token_hash FROM calendar_feeds", String.class))
                .as("only hashes are stored").noneMatch(h -> fresh.contains(h));
    }

    @Test
    void aStudentsFeedShowsOnlyTheirOwnLessonsAndAParentsTheirChildrens() {
        long tutor = givenTutor();
        long anna = givenStudent(tutor);
        long boris = givenStudent(tutor);
        long annas = createLesson(tutor, anna, "Анна", at(63, 0)).path("id").asLong();
        long boriss = createLesson(tutor, boris, "Борис", at(63, 2)).path("id").asLong();
        long parent = givenParentOf(anna);

        String annaFeed = calendarApp().get(path(as(anna, "student").post("/api/v1/calendar/feeds", Map.of())
                .json().path("url").asString())).body();
        assertThat(events(annaFeed)).containsOnlyKeys("lesson-" + annas + "@repitbot");
        String parentFeed = calendarApp().get(path(as(parent, "parent").post("/api/v1/calendar/feeds",
                Map.of("student_id", anna)).json().path("url").asString())).body();
        assertThat(events(parentFeed)).containsOnlyKeys("lesson-" + annas + "@repitbot");
        String tutorForBoris = calendarApp().get(path(as(tutor, "tutor").post("/api/v1/calendar/feeds",
                Map.of("student_id", boris)).json().path("url").asString())).body();
        assertThat(events(tutorForBoris)).containsOnlyKeys("lesson-" + boriss + "@repitbot");
        assertThat(as(anna, "student").post("/api/v1/calendar/feeds", Map.of("student_id", boris)).status())
                .isEqualTo(404);
    }

    @Test
    void aPersonListsAndRevokesTheirOwnFeeds() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        String all = path(as(tutor, "tutor").post("/api/v1/calendar/feeds", Map.of()).json().path("url").asString());
        String one = path(as(tutor, "tutor").post("/api/v1/calendar/feeds", Map.of("student_id", student)).json()
                .path("url").asString());
        as(parent, "parent").post("/api/v1/calendar/feeds", Map.of());

        tools.jackson.databind.JsonNode feeds = as(tutor, "tutor").get("/api/v1/calendar/feeds").json();
        assertThat(feeds).hasSize(2);
        assertThat(feeds.get(0).path("student_id").isNumber()).as("all lessons").isFalse();
        assertThat(feeds.get(1).path("student_id").asLong()).isEqualTo(student);
        assertThat(feeds.toString()).doesNotContain(all.substring(all.lastIndexOf('/') + 1, all.length() - 4));
        long parentsFeed = as(parent, "parent").get("/api/v1/calendar/feeds").json().get(0).path("id").asLong();
        assertThat(anonymous().get("/api/v1/calendar/feeds").status()).isEqualTo(401);

        assertThat(as(tutor, "tutor").delete("/api/v1/calendar/feeds/" + parentsFeed).status())
                .as("someone else's feed").isEqualTo(404);
        long first = feeds.get(0).path("id").asLong();
        assertThat(as(tutor, "tutor").delete("/api/v1/calendar/feeds/" + first).status()).isEqualTo(204);
        assertThat(calendarApp().get(all).status()).as("revoked").isEqualTo(404);
        assertThat(calendarApp().get(one).status()).isEqualTo(200);
        assertThat(as(tutor, "tutor").get("/api/v1/calendar/feeds").json()).hasSize(1);
        assertThat(as(tutor, "tutor").delete("/api/v1/calendar/feeds/" + first).status()).isEqualTo(404);
    }

    private static Map<String, Map<String, String>> events(String ics) {
        Map<String, Map<String, String>> events = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : ics.replaceAll("\r\n[ \t]", "").split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.put(current.get("UID"), current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return events;
    }

    private static Instant utc(String value) {
        return LocalDateTime.parse(value, UTC).toInstant(ZoneOffset.UTC);
    }

}
