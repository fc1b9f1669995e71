package ru.repitbot.homework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.errors.ConflictException;

/** The homework's own behaviour over its lifecycle (docs/domain/homework.md#lifecycle), without the database. */
class HomeworkTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final KnownLesson LESSON = new KnownLesson(7, 1, 2, "Дроби", NOW.plus(Duration.ofDays(1)), false);

    private Homework assigned() {
        return Homework.assign(LESSON, "Решить №1-5", NOW.plus(Duration.ofDays(7)), "https://example.org/task",
                List.of("tutor-photo"), List.of(new TelegramDocument("BQAD-task", "условие.pdf")), "1", NOW);
    }

    @Test
    void aNewHomeworkIsPendingAndCopiesWhoseLessonItIs() {
        Homework h = assigned();
        assertThat(h.status()).isEqualTo(HomeworkStatus.PENDING);
        assertThat(h.lessonId()).isEqualTo(7);
        assertThat(h.tutorId()).isEqualTo(1);
        assertThat(h.studentId()).isEqualTo(2);
        assertThat(h.photoFileIds()).containsExactly("tutor-photo");
        assertThat(h.documents()).containsExactly(new TelegramDocument("BQAD-task", "условие.pdf"));
        assertThat(h.version()).isEqualTo(1);
    }

    @Test
    void editingReplacesTheDocumentsOnlyWhenAListIsGiven() {
        Homework h = assigned();
        h.edit("Новый текст", null, null, false, null, null, NOW.plusSeconds(10));
        assertThat(h.documents()).as("no list: kept").containsExactly(new TelegramDocument("BQAD-task",
                "условие.pdf"));

        h.edit(null, null, null, false, null, List.of(new TelegramDocument("BQAD-a", null),
                new TelegramDocument("BQAD-b", "b.docx")), NOW.plusSeconds(20));
        assertThat(h.documents()).as("replaced, in order; a name not given stays unknown").containsExactly(
                new TelegramDocument("BQAD-a", null), new TelegramDocument("BQAD-b", "b.docx"));
        assertThat(h.photoFileIds()).containsExactly("tutor-photo");

        h.edit(null, null, null, false, null, List.of(), NOW.plusSeconds(30));
        assertThat(h.documents()).isEmpty();
    }

    @Test
    void submittingReplacesTextAppendsPhotosReplacesTheDocumentAndNeverTouchesTheLink() {
        Homework h = assigned();
        h.submit("первый ответ", List.of("p1"), "doc-1", NOW.plusSeconds(60));
        assertThat(h.status()).isEqualTo(HomeworkStatus.SUBMITTED);
        assertThat(h.submittedAt()).isEqualTo(NOW.plusSeconds(60));

        h.returnForRework("Исправь №3", NOW.plusSeconds(120));
        assertThat(h.status()).isEqualTo(HomeworkStatus.PENDING);
        assertThat(h.tutorComment()).isEqualTo("Исправь №3");
        assertThat(h.submissionText()).as("the answer is kept").isEqualTo("первый ответ");
        assertThat(h.checkedAt()).isNull();

        h.submit("второй ответ", List.of("p2", "p3"), "doc-2", NOW.plusSeconds(180));
        assertThat(h.submissionText()).isEqualTo("второй ответ");
        assertThat(h.submissionPhotoFileIds()).containsExactly("p1", "p2", "p3");
        assertThat(h.submissionDocumentFileId()).isEqualTo("doc-2");
        assertThat(h.link()).isEqualTo("https://example.org/task");
        assertThat(h.photoFileIds()).containsExactly("tutor-photo");
    }

    @Test
    void partsNotGivenStayAsTheyWere() {
        Homework h = assigned();
        h.submit("ответ", List.of("p1"), null, NOW);
        h.returnForRework(null, NOW);
        h.submit(null, List.of("p2"), null, NOW);
        assertThat(h.submissionText()).isEqualTo("ответ");
        assertThat(h.submissionPhotoFileIds()).containsExactly("p1", "p2");
        assertThat(h.submissionDocumentFileId()).isNull();
    }

    @Test
    void acceptingSetsCheckedAtAndIsFinal() {
        Homework h = assigned();
        h.submit("ответ", List.of(), null, NOW);
        h.accept("Молодец", NOW.plusSeconds(5));
        assertThat(h.status()).isEqualTo(HomeworkStatus.CHECKED);
        assertThat(h.checkedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(h.tutorComment()).isEqualTo("Молодец");
        assertThatThrownBy(() -> h.submit("ещё", List.of(), null, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> h.returnForRework("нет", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void pendingHomeworkCannotBeCheckedAndARefusalChangesNothing() {
        Homework h = assigned();
        assertThatThrownBy(() -> h.accept(null, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> h.returnForRework("?", NOW)).isInstanceOf(ConflictException.class);
        assertThat(h.status()).isEqualTo(HomeworkStatus.PENDING);
        assertThat(h.tutorComment()).isNull();
    }

    @Test
    void overdueFollowsTheRule() {
        Homework h = assigned();
        assertThat(h.isOverdue(NOW)).isFalse();
        assertThat(h.isOverdue(NOW.plus(Duration.ofDays(8)))).isTrue();
        h.submit("поздно", List.of(), null, NOW.plus(Duration.ofDays(8)));
        assertThat(h.isOverdue(NOW.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    void withdrawingAnUncheckedAnswerRemovesItAndLeavesThePendingTask() {
        Homework h = assigned();
        h.submit("ответ", List.of("p1"), "doc-1", NOW);
        h.withdrawSubmission(NOW.plusSeconds(30));
        assertThat(h.status()).isEqualTo(HomeworkStatus.PENDING);
        assertThat(h.hasAnswer()).isFalse();
        assertThat(h.submissionText()).isNull();
        assertThat(h.submissionPhotoFileIds()).isEmpty();
        assertThat(h.submissionDocumentFileId()).isNull();
        assertThat(h.submittedAt()).isNull();
        assertThat(h.description()).isEqualTo("Решить №1-5");
        assertThat(h.isOverdue(NOW.plus(Duration.ofDays(8)))).as("overdue rules apply again").isTrue();
    }

    @Test
    void aCheckedOrReturnedAnswerOrNoAnswerCannotBeWithdrawn() {
        Homework nothing = assigned();
        assertThatThrownBy(() -> nothing.withdrawSubmission(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no handed-in answer");

        Homework returned = assigned();
        returned.submit("ответ", List.of(), null, NOW);
        returned.returnForRework("№3", NOW);
        assertThatThrownBy(() -> returned.withdrawSubmission(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("returned it for rework");
        assertThat(returned.submissionText()).as("a refusal changes nothing").isEqualTo("ответ");

        Homework accepted = assigned();
        accepted.submit("ответ", List.of(), null, NOW);
        accepted.accept(null, NOW);
        assertThatThrownBy(() -> accepted.withdrawSubmission(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already accepted");
        assertThat(accepted.status()).isEqualTo(HomeworkStatus.CHECKED);
    }
}
