package ru.repitbot.notification.app;

import java.time.Duration;
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
import org.springframework.web.client.RestClientException;
import ru.repitbot.calls.ServiceCallException;
import ru.repitbot.notification.client.LessonOwners;
import ru.repitbot.notification.db.ReportsDue;
import ru.repitbot.notification.domain.Addressee;
import ru.repitbot.notification.domain.LessonReport;
import ru.repitbot.notification.domain.Occasion;
import ru.repitbot.notification.domain.WhoIsTold;

/**
 * Sends the parents' after-lesson reports that are due (docs/domain/notifications.md#after-lesson-report): a poller
 * on a virtual thread takes each {@code lesson_report_due} row whose settle time has passed, reads the lesson as it
 * is now ({@link LessonOwners}: lesson-service with its homework from homework-service), and queues one report per parent — nothing when
 * the mark was taken back, or the lesson is gone. When an owner cannot be asked, the row waits a minute and is tried
 * again. Rows are taken with {@code SKIP LOCKED}, so replicas share the work.
 */
@Service
public class LessonReports implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LessonReports.class);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final ReportsDue reports;
    private final LessonOwners owners;
    private final Notices notices;
    private final TransactionTemplate tx;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public LessonReports(ReportsDue reports, LessonOwners owners, Notices notices, TransactionTemplate tx,
            @Value("${repitbot.notifications.reports.poll-interval:30s}") Duration interval) {
        this.reports = reports;
        this.owners = owners;
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
        return owners.lesson(due.lessonId()).map(now -> new LessonReport.LessonFacts(due.lessonId(),
                notices.name(due.studentId()), notices.name(due.tutorId()), now.start(), now.topic(),
                now.attendance(), now.mastery(), now.masteryComment(), now.homework()));
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
