package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.notification.domain.LessonReport.HomeworkGiven;
import ru.repitbot.notification.domain.LessonReport.LessonFacts;

/** Every key the rules produce has a Russian and an English text, and every text formats. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void russianAndEnglishHaveTheSameKeysAndEveryPatternFormats() throws IOException {
        Properties ru = load("messages_ru.properties");
        Properties en = load("messages_en.properties");
        assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Properties bundle : List.of(ru, en)) {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                assertThat(pattern).as(key).doesNotContain("'").isNotBlank();
                assertThat(new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"a", "b", "c", "d"}))
                        .as(key).doesNotContain("{");
            }
        }
    }

    @Test
    void everyKeyTheRulesProduceHasATextInBothLanguages() throws IOException {
        List<MessageText> produced = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            produced.add(MessageText.of(kind.labelKey()));
        }
        for (AttendanceStatus attendance : List.of(AttendanceStatus.ATTENDED, AttendanceStatus.UNEXCUSED_ABSENCE)) {
            for (TopicMastery mastery : new TopicMastery[] {null, TopicMastery.NOT_LEARNED, TopicMastery.LEARNED,
                    TopicMastery.MASTERED}) {
                produced.addAll(LessonReport.compose(new LessonFacts(1, "S", "T", Instant.EPOCH, null, attendance,
                        mastery, "c", List.of(new HomeworkGiven("h", null), new HomeworkGiven("h", Instant.EPOCH))),
                        2, ZoneId.of("UTC")).lines());
                produced.addAll(LessonReport.compose(new LessonFacts(1, "S", "T", Instant.EPOCH, "topic", attendance,
                        mastery, null, List.of()), 2, ZoneId.of("UTC")).lines());
            }
        }
        produced.addAll(LowBalanceDigest.compose(1, LocalDate.EPOCH, List.of(
                new LowBalanceDigest.ChildBalance(1, "S", 2, "T", 1, 1),
                new LowBalanceDigest.ChildBalance(1, "S", 3, "U", -1, 1))).orElseThrow().lines());
        for (NoticeKind kind : new NoticeKind[] {NoticeKind.LESSON_REMINDER_24H, NoticeKind.LESSON_REMINDER_1H}) {
            for (Audience audience : new Audience[] {Audience.STUDENT, Audience.PARENT}) {
                produced.add(ReminderText.lesson(kind, audience, Instant.EPOCH, "t", "s", ZoneId.of("UTC")));
            }
        }
        produced.add(ReminderText.homeworkDeadline(Instant.EPOCH, "t", "d", ZoneId.of("UTC")));
        produced.add(ReminderText.balanceLow("s", 1, "t"));
        for (Audience sender : Audience.values()) {
            for (Audience reader : Audience.values()) {
                produced.add(ConversationText.header(sender, reader, "w", "s"));
            }
        }
        produced.add(ConversationText.replyHint());
        produced.add(ConversationText.broadcastHeader("t"));
        ZoneId utc = ZoneId.of("UTC");
        for (Audience audience : new Audience[] {Audience.STUDENT, Audience.PARENT}) {
            produced.add(NoticeText.lessonScheduled(audience, Instant.EPOCH, null, "s", utc));
            produced.add(NoticeText.lessonRescheduled(audience, Instant.EPOCH, Instant.EPOCH, "s", utc));
            produced.add(NoticeText.lessonCancelled(audience, Instant.EPOCH, "s", utc));
            produced.add(NoticeText.achievement(audience, null, "t", "d", "s"));
        }
        produced.add(NoticeText.homeworkAssigned("d", null, utc));
        produced.add(NoticeText.homeworkAssigned("d", Instant.EPOCH, utc));
        produced.add(NoticeText.homeworkSubmitted("s"));
        produced.add(NoticeText.homeworkChecked(true));
        produced.add(NoticeText.homeworkChecked(false));
        produced.add(NoticeText.paymentRecorded("s", 8, "t", 7));
        for (Occasion link : new Occasion[] {Occasion.TUTOR_LINKED, Occasion.TUTOR_UNLINKED, Occasion.PARENT_LINKED,
                Occasion.PARENT_UNLINKED}) {
            produced.add(NoticeText.link(link, "w", "s"));
        }
        Properties ru = load("messages_ru.properties");
        Properties en = load("messages_en.properties");
        for (MessageText text : produced) {
            assertThat(ru.getProperty(text.key())).as(text.key()).isNotNull();
            assertThat(en.getProperty(text.key())).as(text.key()).isNotNull();
        }
        assertThat(produced.stream().map(MessageText::key).distinct().sorted().toList())
                .as("no text in the bundles that no rule uses").isEqualTo(ru.stringPropertyNames().stream().sorted()
                        .toList());
    }
}
