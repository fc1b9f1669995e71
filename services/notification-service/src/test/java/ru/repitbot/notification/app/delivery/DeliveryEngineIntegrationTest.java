package ru.repitbot.notification.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.repitbot.notification.db.NewMessage;
import ru.repitbot.notification.db.QueuedMessage;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.standin.ForcedFailure;
import ru.repitbot.standin.Received;
import ru.repitbot.standin.StandInOptions;
import ru.repitbot.standin.TelegramStandIn;
import ru.repitbot.standin.TooManyRequests;

/**
 * The delivery engine against the Bot API stand-in (Telegram's limits on, measured on the stand-in's own clock):
 * docs/domain/notifications.md#sending-through-telegram.
 */
class DeliveryEngineIntegrationTest extends DeliveryHarness {

    @Autowired
    MeterRegistry contextMeters;

    static final Duration WAIT = Duration.ofSeconds(15);

    @Override
    TelegramStandIn startTelegram() {
        return TelegramStandIn.start(0, StandInOptions.defaults());
    }

    @Test
    void everyQueuedMessageArrivesOnceInItsChatInOrderWithItsEvent() {
        long anna = person();
        long boris = person();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(enqueue(anna, "Анна <b>" + i + "</b>"));
            ids.add(enqueue(boris, "Борис <i>" + i + "</i>"));
        }
        DeliveryEngine engine = engine("solo");

        await(() -> statuses(ids).stream().allMatch("sent"::equals), WAIT, "all sent");

        assertThat(received(anna)).containsExactly("Анна 1", "Анна 2", "Анна 3", "Анна 4", "Анна 5");
        assertThat(received(boris)).containsExactly("Борис 1", "Борис 2", "Борис 3", "Борис 4", "Борис 5");
        for (long id : ids) {
            assertThat(events("notification.sent", id)).as("notification.sent of %s", id).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT telegram_message_id FROM outgoing_message WHERE id = ?",
                    Long.class, id)).isPositive();
        }
        // One a second per chat after a burst of 3, on Telegram's own clock (granting 50 ms of transit jitter: a
        // token taken on time may reach Telegram a few ms after the next one; Telegram then says 429, which is
        // waited out like any other).
        for (long chat : List.of(anna, boris)) {
            List<Received> sends = telegram.received().stream().filter(r -> r.chatId() == chat).toList();
            assertThat(excess(sends, 1.0, 3, 0.05)).as("per-chat excess of %s", chat).isLessThanOrEqualTo(0);
        }
        assertThat(sent(engine)).isEqualTo(10);
    }

    @Test
    void twoReplicasShareTheLimitsAndNeverSendOneMessageTwice() {
        List<Long> people = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long person = person();
            people.add(person);
            for (int j = 0; j < 2; j++) {
                ids.add(enqueue(person, "m-" + person + "-" + j));
            }
        }
        // Small batches and few rows in hand, so that both replicas keep coming back to the queue.
        DeliveryEngine first = engine(telegramSettings(30, Duration.ofSeconds(1)),
                settings("replica-a", Duration.ofMinutes(2), 10, 5));
        DeliveryEngine second = engine(telegramSettings(30, Duration.ofSeconds(1)),
                settings("replica-b", Duration.ofMinutes(2), 10, 5));

        await(() -> statuses(ids).stream().allMatch("sent"::equals), WAIT, "all sent");

        List<Received> sends = telegram.received();
        Map<String, Long> copies = sends.stream().collect(Collectors.groupingBy(Received::text,
                Collectors.counting()));
        assertThat(copies).hasSize(ids.size()).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1));
        assertThat(sent(first) + sent(second)).isEqualTo(ids.size());
        assertThat(sent(first)).as("both replicas took part").isPositive();
        assertThat(sent(second)).as("both replicas took part").isPositive();
        // 30 a second in all (80 messages take over 1.5 s), measured where Telegram would measure it.
        assertThat(excess(sends, 30.0, 30, 0.05)).isLessThanOrEqualTo(0);
        for (long person : people) {
            List<Received> chat = sends.stream().filter(r -> r.chatId() == person).toList();
            assertThat(excess(chat, 1.0, 3, 0.05)).isLessThanOrEqualTo(0);
        }
        for (long person : people) {
            assertThat(received(person)).containsExactly("m-" + person + "-0", "m-" + person + "-1");
        }
    }

    @Test
    void aTooManyRequestsAnswerIsWaitedOutAndNotCountedAsAnAttempt() {
        long anna = person();
        telegram.failNext(1, "sendMessage", ForcedFailure.tooManyRequests(2));
        long id = enqueue(anna, "after the storm");
        engine("solo");

        await(() -> "sent".equals(status(id)), WAIT, "sent");

        TooManyRequests refused = telegram.tooManyRequests().getFirst();
        Received accepted = telegram.received().getFirst();
        assertThat(Duration.between(refused.at(), accepted.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(jdbc.queryForObject("SELECT attempts FROM outgoing_message WHERE id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT http_status || ':' || verdict || ':' || coalesce(retry_after_seconds, 0)"
                + " FROM delivery_attempt WHERE message_id = ? ORDER BY attempt_no", String.class, id))
                .containsExactly("429:retry:2", "200:sent:0");
    }

    @Test
    void aPersonWhoBlockedTheBotIsMarkedAndTheirWholeQueueEnds() {
        long anna = person();
        long boris = person();
        telegram.bot().user(anna, "Person " + anna).blockBot();
        List<Long> annas = List.of(enqueue(anna, "a1"), enqueue(anna, "a2"), enqueue(anna, "a3"));
        long borisMessage = enqueue(boris, "b1");
        engine("solo");

        await(() -> statuses(annas).stream().allMatch("unreachable"::equals) && "sent".equals(status(borisMessage)),
                WAIT, "anna unreachable, boris sent");

        assertThat(jdbc.queryForObject("SELECT reason FROM unreachable_chat WHERE user_id = ?", String.class, anna))
                .isEqualTo("blocked");
        // The gauge the "people unreachable" alert reads counts her (with anyone earlier tests marked).
        assertThat(contextMeters.get("notification.unreachable.chats").gauge().value())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM unreachable_chat", Long.class).doubleValue())
                .isGreaterThanOrEqualTo(1.0);
        assertThat(telegram.bot().calls("sendMessage")).as("one try for anna, one for boris").isEqualTo(2);
        for (long id : annas) {
            assertThat(events("notification.failed", id)).isEqualTo(1);
        }
        // Nothing more is tried for her until she writes to the bot again.
        long later = enqueue(anna, "a4");
        await(() -> "unreachable".equals(status(later)), WAIT, "a4 unreachable");
        assertThat(telegram.bot().calls("sendMessage")).isEqualTo(2);
    }

    @Test
    void aChatThatDoesNotExistOrIsUnknownMakesThePersonUnreachable() {
        long ghost = newId();
        jdbc.update("INSERT INTO recipient (user_id, telegram_chat_id) VALUES (?, ?)", ghost, ghost);
        long nobody = newId();
        long toGhost = enqueue(ghost, "hello ghost");
        long toNobody = enqueue(nobody, "hello nobody");
        engine("solo");

        await(() -> "unreachable".equals(status(toGhost)) && "unreachable".equals(status(toNobody)), WAIT,
                "both unreachable");

        assertThat(jdbc.queryForObject("SELECT reason FROM unreachable_chat WHERE user_id = ?", String.class, ghost))
                .isEqualTo("chat_not_found");
        assertThat(jdbc.queryForObject("SELECT last_error FROM outgoing_message WHERE id = ?", String.class,
                toNobody)).contains("never_started");
        assertThat(events("notification.failed", toNobody)).isEqualTo(1);
    }

    @Test
    void noAnswerIsRetriedWithBackOffAndABadRequestFailsAtOnce() {
        long anna = person();
        long boris = person();
        telegram.failNext(2, "sendMessage", ForcedFailure.noAnswer(Duration.ofSeconds(2)));
        long slow = enqueue(anna, "eventually");
        DeliveryEngine engine = engine(telegramSettings(30, Duration.ofMillis(500)),
                settings("solo", Duration.ofMinutes(2), 500));

        await(() -> "sent".equals(status(slow)), WAIT, "sent after two timeouts");

        List<Instant> tried = jdbc.queryForList("SELECT tried_at FROM delivery_attempt WHERE message_id = ? "
                + "ORDER BY attempt_no", java.sql.Timestamp.class, slow).stream()
                .map(java.sql.Timestamp::toInstant).toList();
        assertThat(jdbc.queryForList("SELECT verdict FROM delivery_attempt WHERE message_id = ? ORDER BY attempt_no",
                String.class, slow)).containsExactly("retry", "retry", "sent");
        // Back-off: at least half of 300 ms after the first failure, of 600 ms after the second (plus the timeout).
        assertThat(Duration.between(tried.get(0), tried.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Duration.between(tried.get(1), tried.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(received(anna)).containsExactly("eventually");

        long tooLong = enqueue(boris, "x".repeat(5000));
        await(() -> "failed".equals(status(tooLong)), WAIT, "failed");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery_attempt WHERE message_id = ?", Integer.class,
                tooLong)).isEqualTo(1);
        assertThat(events("notification.failed", tooLong)).isEqualTo(1);
        assertThat(registries.get(engine).find("notification.delivery.attempts").tag("verdict", "retry").counter()
                .count()).isEqualTo(2);
    }

    @Test
    void anExpiredMessageIsCancelledUnsent() {
        long anna = person();
        long stale = outgoing.enqueue(NewMessage.to(anna, NoticeKind.LESSON_REMINDER_1H, "test:stale", "stale")
                .expiresAt(Instant.now().minusSeconds(1))).orElseThrow();
        long fresh = enqueue(anna, "fresh");
        engine("solo");

        await(() -> "sent".equals(status(fresh)), WAIT, "fresh sent");

        assertThat(status(stale)).isEqualTo("cancelled");
        assertThat(received(anna)).containsExactly("fresh");
    }

    @Test
    void aRowLeftSendingByACrashedReplicaIsSentOnceAfterItsLease() {
        long anna = person();
        long id = enqueue(anna, "orphan");
        Instant now = Instant.now();
        List<QueuedMessage> taken = queue.claim("crashed-replica", 10, now, now.plusMillis(300));
        assertThat(taken).extracting(QueuedMessage::id).contains(id);
        engine("survivor");

        await(() -> "sent".equals(status(id)), WAIT, "sent by the survivor");

        assertThat(received(anna)).containsExactly("orphan");
        assertThat(jdbc.queryForList("SELECT description FROM delivery_attempt WHERE message_id = ? "
                + "ORDER BY attempt_no", String.class, id).getFirst()).contains("lease of crashed-replica expired");
    }

    @Test
    void filesGoWithTheTextAsCaption() {
        long anna = person();
        var upload = telegram.bot().user(anna, "Person " + anna).sendDocument("notes.txt", "hello".getBytes());
        String fileId = upload.document().fileId();
        long id = outgoing.enqueue(NewMessage.to(anna, NoticeKind.MESSAGE, "test:file", "Конспект <b>урока</b>")
                .withFiles(List.of(fileId), "document")).orElseThrow();
        engine("solo");

        await(() -> "sent".equals(status(id)), WAIT, "sent");

        var last = telegram.bot().user(anna, "Person " + anna).lastBotMessage();
        assertThat(last.document().fileId()).isEqualTo(fileId);
        assertThat(last.caption()).isEqualTo("Конспект урока");
    }

    private static long newId() {
        return ru.repitbot.testsupport.AccessFixtures.newId();
    }
}
