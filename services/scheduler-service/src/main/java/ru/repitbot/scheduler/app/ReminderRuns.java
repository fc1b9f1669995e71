package ru.repitbot.scheduler.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.repitbot.events.catalogue.SchedulerEvents.ReminderDue;
import ru.repitbot.scheduler.client.OwnerClient;
import ru.repitbot.scheduler.db.JobRunLog;
import ru.repitbot.scheduler.domain.ReminderDecision;
import ru.repitbot.scheduler.domain.ReminderDecision.Drop;
import ru.repitbot.scheduler.domain.ReminderDecision.DropReason;
import ru.repitbot.scheduler.domain.ReminderDecision.Send;
import ru.repitbot.scheduler.domain.ReminderKind;
import ru.repitbot.scheduler.domain.ReminderKind.Target;
import ru.repitbot.scheduler.domain.ReminderPlan;
import ru.repitbot.scheduler.domain.ReminderTarget;
import ru.repitbot.scheduler.domain.ReminderWindow;
import ru.repitbot.scheduler.events.SchedulerEventPublisher;

/**
 * One run of a reminder job (docs/domain/notifications.md#reminders): the window from where the last succeeded run
 * stopped to now, the lessons or homework read as they are from their owners, {@link ReminderPlan}'s decisions, each
 * Send a {@code reminder.due} in the outbox. Runs inside {@link JobRuns}' transaction, which also records the window:
 * the events and the advanced window commit together or not at all.
 */
@Component
public class ReminderRuns {

    private static final Logger log = LoggerFactory.getLogger(ReminderRuns.class);

    /** What a run decided and the window it covered. */
    public record Result(ReminderWindow window, List<ReminderDecision> decisions) {

        public int sent() {
            return (int) decisions.stream().filter(Send.class::isInstance).count();
        }

        public int dropped() {
            return decisions.size() - sent();
        }

        public boolean late() {
            return decisions.stream().anyMatch(d -> d instanceof Send s && s.late());
        }

        public JobRunLog.Outcome outcome() {
            Map<DropReason, Integer> reasons = new EnumMap<>(DropReason.class);
            decisions.stream().filter(Drop.class::isInstance).map(Drop.class::cast)
                    .forEach(d -> reasons.merge(d.reason(), 1, Integer::sum));
            String detail = "window (" + window.from() + ", " + window.to() + "]: sent " + sent() + ", dropped "
                    + dropped() + (reasons.isEmpty() ? "" : " " + reasons);
            return new JobRunLog.Outcome("succeeded", detail, window.from(), window.to(), late(), sent(), dropped());
        }
    }

    private final OwnerClient owners;
    private final JobRunLog runs;
    private final SchedulerEventPublisher events;

    public ReminderRuns(OwnerClient owners, JobRunLog runs, SchedulerEventPublisher events) {
        this.owners = owners;
        this.runs = runs;
        this.events = events;
    }

    /** Lesson reminders 24 h and 1 h before the start, for the window ending at {@code now}. */
    public Result lessons(String jobName, Instant now) {
        ReminderWindow window = window(jobName, Target.LESSON, now);
        Map<Long, OwnerClient.Lesson> lessons = new LinkedHashMap<>();
        if (!window.isEmpty()) {
            for (Duration lead : leads(Target.LESSON)) {
                ReminderWindow starts = window.targetsFor(lead);
                owners.scheduledLessons(starts.from(), starts.to()).forEach(l -> lessons.put(l.id(), l));
            }
        }
        List<ReminderTarget> targets = lessons.values().stream()
                .map(l -> ReminderTarget.lesson(l.id(), l.startAt(), l.scheduled(), l.startSetAt()))
                .toList();
        List<ReminderDecision> decisions = ReminderPlan.plan(targets, window, now);
        for (ReminderDecision decision : decisions) {
            if (decision instanceof Send send) {
                OwnerClient.Lesson lesson = lessons.get(send.targetId());
                events.reminderDue(new ReminderDue(send.kind().value(), "lesson", lesson.id(), lesson.studentId(),
                        lesson.tutorId(), send.at().atOffset(ZoneOffset.UTC), send.moment().atOffset(ZoneOffset.UTC),
                        send.late(), send.idempotencyKey(), lesson.topic(), null, lesson.id(),
                        lesson.durationMinutes()));
            }
            logDecision(decision, now);
        }
        return new Result(window, decisions);
    }

    /** Homework deadline reminders 24 h before, for the window ending at {@code now}. */
    public Result homework(String jobName, Instant now) {
        ReminderWindow window = window(jobName, Target.HOMEWORK, now);
        Map<Long, OwnerClient.Homework> homework = new LinkedHashMap<>();
        if (!window.isEmpty()) {
            for (Duration lead : leads(Target.HOMEWORK)) {
                ReminderWindow deadlines = window.targetsFor(lead);
                owners.pendingHomework(deadlines.from(), deadlines.to()).forEach(h -> homework.put(h.id(), h));
            }
        }
        List<ReminderTarget> targets = homework.values().stream()
                .map(h -> ReminderTarget.homework(h.id(), h.deadline(), h.pending(), h.deadlineSetAt()))
                .toList();
        List<ReminderDecision> decisions = ReminderPlan.plan(targets, window, now);
        for (ReminderDecision decision : decisions) {
            if (decision instanceof Send send) {
                OwnerClient.Homework h = homework.get(send.targetId());
                String topic = h.lessonTopic() != null || h.lessonId() == null ? h.lessonTopic()
                        : owners.lessonTopic(h.lessonId()).orElse(null);
                events.reminderDue(new ReminderDue(send.kind().value(), "homework", h.id(), h.studentId(),
                        h.tutorId(), send.at().atOffset(ZoneOffset.UTC), send.moment().atOffset(ZoneOffset.UTC),
                        send.late(), send.idempotencyKey(), topic, h.description(), h.lessonId(), null));
            }
            logDecision(decision, now);
        }
        return new Result(window, decisions);
    }

    private ReminderWindow window(String jobName, Target target, Instant now) {
        return ReminderWindow.after(runs.coveredUntil(jobName).orElse(null), now, ReminderKind.longestLead(target));
    }

    /** The distinct leads of a target's reminders: one owner query per lead, for the starts whose moment is due. */
    private static Set<Duration> leads(Target target) {
        Set<Duration> leads = new LinkedHashSet<>();
        for (ReminderKind kind : ReminderKind.values()) {
            if (kind.target() == target) {
                leads.add(kind.lead());
            }
        }
        return leads;
    }

    private static void logDecision(ReminderDecision decision, Instant now) {
        switch (decision) {
            case Send send when send.late() -> log.warn("reminder {} sent late: moment {}, {} behind",
                    send.idempotencyKey(), send.moment(), Duration.between(send.moment(), now));
            case Send send -> log.info("reminder {} due at {}", send.idempotencyKey(), send.moment());
            case Drop drop -> log.info("reminder {} of {} {} (moment {}) dropped: {}", drop.kind().value(),
                    drop.kind().target().name().toLowerCase(java.util.Locale.ROOT), drop.targetId(), drop.moment(),
                    drop.reason());
        }
    }
}
