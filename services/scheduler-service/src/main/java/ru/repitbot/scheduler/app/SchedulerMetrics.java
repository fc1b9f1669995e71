package ru.repitbot.scheduler.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.repitbot.scheduler.domain.JobCatalogue;
import ru.repitbot.scheduler.domain.ReminderDecision;
import ru.repitbot.scheduler.domain.ScheduledJob;

/**
 * The scheduler's metrics (Prometheus names): {@code scheduler_job_runs_total{job,outcome}},
 * {@code scheduler_job_last_success_seconds{job}} and {@code scheduler_job_next_fire_seconds{job}} (epoch seconds,
 * read from the shared database and Quartz's store, so every replica reports the cluster's truth),
 * {@code scheduler_reminders_sent_total{kind}}, {@code scheduler_reminders_dropped_total{kind,reason}},
 * {@code scheduler_reminders_late_total{kind}}.
 */
@Component
public class SchedulerMetrics {

    private static final Logger log = LoggerFactory.getLogger(SchedulerMetrics.class);

    private final MeterRegistry registry;

    public SchedulerMetrics(MeterRegistry registry, JobCatalogue catalogue, JobStatus status) {
        this.registry = registry;
        for (ScheduledJob job : catalogue.jobs()) {
            String name = job.name();
            gauge("scheduler.job.last.success", name, "When the job last succeeded (epoch seconds)",
                    () -> status.lastSuccess(name));
            gauge("scheduler.job.next.fire", name, "When the job fires next (epoch seconds)",
                    () -> status.nextFire(name));
        }
    }

    private void gauge(String metric, String job, String description, Supplier<Optional<Instant>> value) {
        Gauge.builder(metric, () -> {
            try {
                return value.get().map(i -> (double) i.getEpochSecond()).orElse(Double.NaN);
            } catch (RuntimeException e) {
                log.debug("metric {} of {} not readable: {}", metric, job, e.getMessage());
                return Double.NaN;
            }
        }).tag("job", job).description(description).baseUnit("seconds").register(registry);
    }

    public void run(String job, String outcome) {
        Counter.builder("scheduler.job.runs").tag("job", job).tag("outcome", outcome)
                .description("Runs of the scheduler's jobs by outcome").register(registry).increment();
    }

    public void decided(ReminderDecision decision) {
        switch (decision) {
            case ReminderDecision.Send send -> {
                Counter.builder("scheduler.reminders.sent").tag("kind", send.kind().value())
                        .description("Reminders the scheduler published (reminder.due)").register(registry)
                        .increment();
                if (send.late()) {
                    Counter.builder("scheduler.reminders.late").tag("kind", send.kind().value())
                            .description("Reminders published more than 2 minutes after their moment")
                            .register(registry).increment();
                }
            }
            case ReminderDecision.Drop drop -> Counter.builder("scheduler.reminders.dropped")
                    .tag("kind", drop.kind().value()).tag("reason", drop.reason().name())
                    .description("Reminders not sent, by reason").register(registry).increment();
        }
    }
}
