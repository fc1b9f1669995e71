package ru.repitbot.notification.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import ru.repitbot.calls.ServiceCalls;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.notification.domain.LessonReport;
import tools.jackson.databind.JsonNode;

/**
 * Reads a lesson as it is now from its owners, with this service's token (shared/service-calls): lesson-service
 * {@code GET /api/v1/lessons/{id}} and homework-service {@code GET /api/v1/homework?lesson_id=}. Used by the
 * after-lesson report (docs/domain/notifications.md#after-lesson-report). An owner that cannot be asked throws
 * ({@code ServiceCallException}, {@code RestClientException}); the caller tries again later.
 */
@Component
public class LessonOwners {

    private final ServiceCalls calls;

    public LessonOwners(ServiceCalls calls) {
        this.calls = calls;
    }

    /** The lesson's facts as they are now; empty when lesson-service no longer has it. */
    public record LessonNow(Instant start, String topic, AttendanceStatus attendance, TopicMastery mastery,
            String masteryComment, List<LessonReport.HomeworkGiven> homework) {
    }

    public Optional<LessonNow> lesson(long lessonId) {
        JsonNode lesson;
        try {
            lesson = calls.to("lesson-service").get().uri("/api/v1/lessons/{id}", lessonId).retrieve()
                    .body(JsonNode.class);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
        if (lesson == null) {
            return Optional.empty();
        }
        JsonNode page = calls.to("homework-service").get()
                .uri("/api/v1/homework?lesson_id={id}&size=100", lessonId).retrieve().body(JsonNode.class);
        List<LessonReport.HomeworkGiven> homework = new ArrayList<>();
        if (page != null) {
            for (JsonNode item : page.path("items")) {
                homework.add(new LessonReport.HomeworkGiven(text(item.path("description")),
                        instant(item.path("deadline"))));
            }
        }
        String attendance = text(lesson.path("attendance_status"));
        String mastery = text(lesson.path("mastery_level"));
        return Optional.of(new LessonNow(instant(lesson.path("start_at")), text(lesson.path("topic")),
                attendance == null ? null : AttendanceStatus.fromValue(attendance),
                mastery == null ? null : TopicMastery.fromValue(mastery), text(lesson.path("mastery_comment")),
                homework));
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }
}
