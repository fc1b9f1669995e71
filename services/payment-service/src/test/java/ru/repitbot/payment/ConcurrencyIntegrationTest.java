package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestInfrastructure;

/** The balance is derived, so racing changes cannot lose one: it always ends where the formula says. */
class ConcurrencyIntegrationTest extends IntegrationTest {

    private static final int LESSONS = 10;
    private static final int FLIPS_PER_LESSON = 5;

    @Test
    void fiftyConcurrentAttendanceFlipsAndConcurrentPaymentsEndWithTheFormulasBalance() throws Exception {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        pay(tutor, student, 10);
        List<Long> lessons = IntStream.range(0, LESSONS).mapToObj(i -> newId()).toList();
        publishAndWait(lessons.stream().map(l -> lessonCreated(l, tutor, student, MONDAY.plusDays(l % 30)))
                .toArray(EventEnvelope[]::new));

        Random random = new Random(20250303);
        AttendanceStatus[] statuses = AttendanceStatus.values();
        List<EventEnvelope> flips = new ArrayList<>();
        Map<Long, AttendanceStatus> finalStatus = new HashMap<>();
        for (long lesson : lessons) {
            AttendanceStatus previous = AttendanceStatus.SCHEDULED;
            for (int version = 2; version < 2 + FLIPS_PER_LESSON; version++) {
                AttendanceStatus next = statuses[random.nextInt(statuses.length)];
                flips.add(attendance(lesson, tutor, student, previous, next, version));
                previous = next;
            }
            finalStatus.put(lesson, previous);
        }
        Collections.shuffle(flips, random);
        assertThat(flips).hasSize(50);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        TestInfrastructure infra = TestInfrastructure.get();
        try (Connection connection = infra.amqpConnectionFactory().newConnection()) {
            for (int t = 0; t < 10; t++) {
                List<EventEnvelope> mine = flips.subList(t * 5, t * 5 + 5);
                work.add(pool.submit((Callable<Void>) () -> {
                    try (Channel channel = connection.createChannel()) {
                        channel.confirmSelect();
                        start.await();
                        for (EventEnvelope e : mine) {
                            channel.basicPublish(infra.exchange(), e.eventType(),
                                    new AMQP.BasicProperties.Builder().contentType("application/json")
                                            .deliveryMode(2).build(), codec.encode(e));
                        }
                        channel.waitForConfirmsOrDie(10_000);
                    }
                    return null;
                }));
            }
            ApiClient api = tutor(tutor);
            for (int p = 0; p < 10; p++) {
                work.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    ApiClient.ApiResponse r = api.post("/api/v1/payments",
                            Map.of("student_id", student, "lessons_paid", 1));
                    assertThat(r.status()).as("payment: %s", r).isEqualTo(201);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        flips.forEach(e -> awaitProcessed(e.eventId()));

        long charged = finalStatus.values().stream().filter(AttendanceStatus::charged).count();
        int expected = 10 + 10 - (int) charged;
        assertThat(balance(tutor, student)).isEqualTo(expected);
        assertThat(jdbc.queryForList("SELECT attendance_status FROM lesson_charges WHERE student_id = ? "
                + "ORDER BY lesson_id", String.class, student))
                .containsExactlyElementsOf(lessons.stream().sorted().map(l -> finalStatus.get(l).value()).toList());
    }

    @Test
    void concurrentPaymentsEachReportTheBalanceTheyMade() throws Exception {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        ApiClient api = tutor(tutor);
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    ApiClient.ApiResponse r = api.post("/api/v1/payments",
                            Map.of("student_id", student, "lessons_paid", 1));
                    assertThat(r.status()).as("payment: %s", r).isEqualTo(201);
                    return r.json().path("balance_after").asInt();
                }));
            }
            start.countDown();
            List<Integer> after = new ArrayList<>();
            for (Future<Integer> f : results) {
                after.add(f.get());
            }
            assertThat(after).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdown();
        }
        assertThat(balance(tutor, student)).isEqualTo(20);
    }
}
