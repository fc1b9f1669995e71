package ru.repitbot.notification.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.repitbot.notification.db.NewMessage;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.standin.RateLimits;
import ru.repitbot.standin.Received;
import ru.repitbot.standin.StandInOptions;
import ru.repitbot.standin.TelegramStandIn;

/**
 * Not a test (its name keeps it out of the build): N messages to N different chats fall due at once; one engine
 * delivers them through the stand-in at a global limit of {@code -Dbenchmark.global} a second (1,000 by default; 30 is
 * Telegram's). It checks that every message arrived once and no chat got more than its limit (on the stand-in's
 * clock), and prints how long it took. docs/performance.md "Notification delivery" has the numbers and the command:
 * <pre>
 * ./mvnw -B -o verify -pl infrastructure/telegram-standin,services/notification-service -Dtest=DeliveryBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DskipITs [-Dbenchmark.messages=10000] [-Dbenchmark.global=1000]
 * </pre>
 */
class DeliveryBenchmark extends DeliveryHarness {

    static final int MESSAGES = Integer.getInteger("benchmark.messages", 10_000);
    static final int GLOBAL = Integer.getInteger("benchmark.global", 1000);

    @Override
    TelegramStandIn startTelegram() {
        return TelegramStandIn.start(0, StandInOptions.defaults().withLimits(new RateLimits(true, GLOBAL, 3, 1.0, 20)));
    }

    @Test
    void messagesDueAtOnceToDifferentChats() throws Exception {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            long person = person();
            ids.add(outgoing.enqueue(NewMessage.to(person, NoticeKind.LESSON_REMINDER_24H, "bench:" + person,
                    "Напоминание " + person).notBefore(later)).orElseThrow());
        }
        Long[] idArray = ids.toArray(Long[]::new);
        DeliveryEngine engine = engine(telegramSettings(GLOBAL, Duration.ofSeconds(10)),
                settings("bench", Duration.ofMinutes(10), 500));
        Thread.sleep(500);

        long t0 = System.nanoTime();
        Instant start = Instant.now();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "UPDATE outgoing_message SET next_attempt_at = now() WHERE id = ANY (?)");
            statement.setArray(1, connection.createArrayOf("bigint", idArray));
            return statement;
        });
        Duration limit = Duration.ofSeconds(Math.max(120, MESSAGES / GLOBAL * 3L));
        long[] lastPrint = {t0};
        await(() -> {
            if (telegram.received().size() < MESSAGES && System.nanoTime() - lastPrint[0] < 5_000_000_000L) {
                return false;
            }
            long sentNow = jdbc.queryForObject("SELECT count(*) FROM outgoing_message WHERE id = ANY (?) AND "
                    + "status = 'sent'", Long.class, (Object) idArray);
            if (System.nanoTime() - lastPrint[0] > 5_000_000_000L) {
                lastPrint[0] = System.nanoTime();
                System.out.printf("%.1f s: %d sent, %d accepted by Telegram%n", (lastPrint[0] - t0) / 1e9, sentNow,
                        telegram.received().size());
            }
            return sentNow == MESSAGES;
        }, limit, "all sent");
        long allSentNanos = System.nanoTime() - t0;

        List<Received> sends = telegram.received();
        Map<Long, Long> perChat = sends.stream().collect(Collectors.groupingBy(Received::chatId,
                Collectors.counting()));
        long lastAccepted = sends.stream().mapToLong(Received::nanoTime).max().orElse(t0) - t0;
        double globalExcess = excess(sends, GLOBAL, GLOBAL, 0.05);
        long[] delays = sends.stream().mapToLong(r -> r.nanoTime() - t0).sorted().toArray();
        String report = """
                messages=%d global_limit=%d/s
                accepted_by_telegram=%d distinct_chats=%d max_per_chat=%d
                first_due_to_last_accepted=%.2f s  first_due_to_all_recorded_sent=%.2f s  (floor %.2f s)
                throughput=%.0f msg/s  telegram_429=%d (%s)
                global_excess_on_standin_clock=%.2f (<= 0: held, 50 ms jitter granted)
                due_to_accepted: p50=%.2f s p95=%.2f s p99=%.2f s
                started=%s
                """.formatted(MESSAGES, GLOBAL, sends.size(), perChat.size(),
                perChat.values().stream().mapToLong(Long::longValue).max().orElse(0), lastAccepted / 1e9,
                allSentNanos / 1e9, Math.max(0, (MESSAGES - GLOBAL) / (double) GLOBAL), MESSAGES / (lastAccepted / 1e9),
                telegram.tooManyRequests().size(), telegram.tooManyRequests().stream()
                        .collect(Collectors.groupingBy(r -> r.reason(), Collectors.counting())),
                globalExcess, percentile(delays, 0.50), percentile(delays, 0.95), percentile(delays, 0.99), start);
        System.out.println(report);
        Files.writeString(Path.of("target", "delivery-benchmark-" + MESSAGES + "-" + GLOBAL + ".txt"), report);

        assertThat(engine.isRunning()).isTrue();
        assertThat(sends).hasSize(MESSAGES);
        assertThat(perChat).hasSize(MESSAGES);
        assertThat(globalExcess).isLessThanOrEqualTo(0);
    }

    /**
     * Enqueue -> Telegram when the engine is idle, below the limits: 100 messages to 100 chats, one every 100 ms, each
     * timed from its enqueue's commit to the stand-in accepting it ({@code -Dtest=DeliveryBenchmark#oneByOne}).
     */
    @Test
    void oneByOne() throws Exception {
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            people.add(person());
        }
        engine(telegramSettings(GLOBAL, Duration.ofSeconds(10)), new DeliverySettings(Duration.ofMillis(200), 100, 500,
                Duration.ofMinutes(2), REDIS_PREFIX, "latency", 6, Duration.ofSeconds(2), Duration.ofMinutes(10),
                Duration.ofMinutes(2), Duration.ofSeconds(5)));
        Thread.sleep(1000);
        List<Long> enqueuedAt = new ArrayList<>();
        for (long person : people) {
            outgoing.enqueue(NewMessage.to(person, NoticeKind.LESSON_CANCELLED, "latency:" + person, "Отмена " + person));
            enqueuedAt.add(System.nanoTime());
            Thread.sleep(100);
        }
        await(() -> telegram.received().size() >= people.size(), Duration.ofSeconds(60), "all accepted");
        Map<Long, Long> acceptedAt = telegram.received().stream()
                .collect(Collectors.toMap(Received::chatId, Received::nanoTime));
        long[] delays = new long[people.size()];
        for (int i = 0; i < people.size(); i++) {
            delays[i] = acceptedAt.get(people.get(i)) - enqueuedAt.get(i);
        }
        java.util.Arrays.sort(delays);
        String report = "enqueue_to_accepted (poll 200 ms, 100 messages one by one): p50=%.0f ms p95=%.0f ms "
                .formatted(percentile(delays, 0.5) * 1000, percentile(delays, 0.95) * 1000)
                + "p99=%.0f ms max=%.0f ms%n".formatted(percentile(delays, 0.99) * 1000,
                        delays[delays.length - 1] / 1e6);
        System.out.println(report);
        Files.writeString(Path.of("target", "delivery-latency.txt"), report);
        assertThat(acceptedAt).hasSize(people.size());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e9;
    }
}
