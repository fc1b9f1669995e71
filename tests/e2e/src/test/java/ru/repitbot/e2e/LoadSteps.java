package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/** Steps the load-under-faults and scale-out tests share: making their data and pacing their changes. */
public final class LoadSteps {

    private LoadSteps() {
    }

    /** The id of what a POST created; fails unless it answered 201. */
    public static long created(ApiResponse r) {
        assertThat(r.status()).as("create: %s", r).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Waits (up to 30 s) until lesson- and payment-service both know a student created a moment ago. */
    public static void awaitKnown(ApiClient admin, long student) {
        for (int i = 0; i < 300; i++) {
            if (admin.get("/api/v1/balances/" + student).status() == 200
                    && admin.get("/api/v1/lessons?student_id=" + student).status() == 200) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("student " + student + " never reached lesson- and payment-service");
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code nanoTime} (open-model pacing). */
    public static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            sleep(Math.max(1, wait / 1_000_000));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
