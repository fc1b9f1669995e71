package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.repitbot.testsupport.AccessFixtures.publishUserEvents;
import static ru.repitbot.testsupport.AccessFixtures.userEvent;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.AccessFixtures;

/**
 * The real way payment-service learns who may see whom: user-service's events through the broker into the access
 * projection. (Other tests fill the projection directly, for speed.)
 */
class UserEventsPathIntegrationTest extends IntegrationTest {

    @Test
    void usersAndLinksArriveAsEventsAndDecideAccess() {
        AccessFixtures events = AccessFixtures.viaEvents();
        long tutor = events.tutor();
        long student = events.studentIn("Asia/Yekaterinburg");
        long parent = events.parent();
        events.link("tutor", tutor, student);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                tutor(tutor).get("/api/v1/balances/" + student).status() == 200);
        var payment = pay(tutor(tutor), student, Map.of("lessons_paid", 3, "paid_at", "2025-03-01T12:00"));
        assertThat(payment.path("paid_at").asString()).as("in the student's zone").isEqualTo(
                "2025-03-01T12:00:00+05:00");
        assertThat(as(parent, "parent").get("/api/v1/balances/" + student).status()).isEqualTo(404);

        events.link("parent", parent, student);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(parent, "parent").get("/api/v1/balances/" + student).status() == 200);
        assertThat(as(parent, "parent").get("/api/v1/balances/" + student).json().path("balances").get(0)
                .path("balance_lessons").asInt()).isEqualTo(3);

        publishUserEvents(userEvent("user.deleted", student, Map.of("user_id", student, "role", "student")));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                tutor(tutor).get("/api/v1/balances/" + student).status() == 404);
        assertThat(as(parent, "parent").get("/api/v1/balances/" + student).status()).isEqualTo(404);
    }
}
