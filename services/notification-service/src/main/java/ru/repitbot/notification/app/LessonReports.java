package ru.repitbot.notification.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import ru.repitbot.calls.ServiceCallException;
import ru.repitbot.calls.ServiceCalls;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.notification.db.ReportsDue;
import ru.repitbot.notification.domain.Addressee;
import ru.repitbot.notification.domain.LessonReport;
import ru.repitbot.notification.domain.Occasion;
import ru.repitbot.notification.domain.WhoIsTold;
import tools.jackson.databind.JsonNode;

/**
 * Sends the parents' after-lesson reports that are due (docs/domain/notifications.md#after-lesson-report): a poller
 * on a virtual thread takes each {@code lesson_report_due} row whose settle time has passed, reads the lesson as it
 * is now (lesson-service) with its homework (homework-service), and queues one report per parent — nothing when
 * the mark was taken back, or the lesson is gone. When an owner cannot be asked, the row waits a minute and is tried
 * again. Rows are taken with {@code SKIP LOCKED}, so replicas share the work.
 */
@Service
public class LessonReports implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LessonReports.class);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final ReportsDue reports;
    private final ServiceCalls calls;
    private final Notices notices;
    private final TransactionTemplate tx;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public LessonReports(ReportsDue reports, ServiceCalls calls, Notices notices, TransactionTemplate tx,
            @Value("${repitbot.notifications.reports.poll-interval:30s}") Duration interval) {
        this.reports = reports;
        this.calls = calls;
        this.notices = notices;
        this.tx = tx;
        this.interval = interval;
    }

    /** Sends every report due now; returns how many lessons were settled (reported or found not reportable). */
    public int sendDue() {
        int settled = 0;
        for (int i = 0; i < 100; i++) {
            Boolean more = tx.execute(status -> reports.nextDue().map(this::settle).orElse(null));
            if (more == null) {
                break;
            }
            if (more) {
                settled++;
            }
        }
        return settled;
    }

    /** @return true when the row is settled, false when it was postponed */
    private boolean settle(ReportsDue.Due due) {
        Optional<LessonReport.LessonFacts> facts;
        try {
            facts = lessonAsItIs(due);
        } catch (ServiceCallException | RestClientException e) {
            log.warn("report of lesson {} postponed: {}", due.lessonId(), e.toString());
            reports.postpone(due.lessonId(), notices.now().plus(RETRY));
            return false;
        }
        if (facts.isEmpty() || !LessonReport.isReported(facts.get().attendance())
                || facts.get().start() == null) {
            log.info("lesson {} no longer reportable; no report", due.lessonId());
            reports.done(due.lessonId());
            return true;
        }
        LessonReport.LessonFacts lesson = facts.get();
        List<Addressee> parents = WhoIsTold.about(Occasion.LESSON_MARKED, notices.family(due.studentId(),
                due.tutorId()));
        // The key is the report's own (lesson and parent), not the event's: a second mark sends no second report.
        notices.tell(parents, "lesson_report:" + due.lessonId(), null, due.tutorId(),
                new Notices.Subject("lesson", due.lessonId(), lesson.start()), null,
                (addressee, reader) -> LessonReport.compose(lesson, addressee.userId(), reader.zone()).lines());
        reports.done(due.lessonId());
        return true;
    }

    private Optional<LessonReport.LessonFacts> lessonAsItIs(ReportsDue.Due due) {
        JsonNode lesson;
        try {
            lesson = calls.to("lesson-service").get().uri("/api/v1/lessons/{id}", due.lessonId()).retrieve()
                    .body(JsonNode.class);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
        if (lesson == null) {
            return Optional.empty();
        }
        JsonNode page = calls.to("homework-service").get()
                .uri("/api/v1/homework?lesson_id={id}&size=100", due.lessonId()).retrieve().body(JsonNode.class);
        List<LessonReport.HomeworkGiven> homework = new ArrayList<>();
        if (page != null) {
            for (JsonNode item : page.path("items")) {
                homework.add(new LessonReport.HomeworkGiven(text(item.path("description")),
                        instant(item.path("deadline"))));
            }
        }
        String tutorName = notices.name(due.tutorId());
        String studentName = notices.name(due.studentId());
        String attendance = text(lesson.path("attendance_status"));
        String mastery = text(lesson.path("mastery_level"));
        return Optional.of(new LessonReport.LessonFacts(due.lessonId(), studentName, tutorName,
                instant(lesson.path("start_at")), text(lesson.path("topic")),
                attendance == null ? null : AttendanceStatus.fromValue(attendance),
                mastery == null ? null : TopicMastery.fromValue(mastery), text(lesson.path("mastery_comment")),
                homework));
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
    }

    @Override
    public synchronized void start() {
        if (executor != null || interval.isZero() || interval.isNegative()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("lesson-reports").factory());
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("lesson reports poll failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
