package ru.repitbot.homework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.repitbot.homework.domain.HomeworkLifecycle.Action;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.errors.ConflictException;

class HomeworkLifecycleTest {

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of(HomeworkStatus.PENDING, Action.SUBMIT, HomeworkStatus.SUBMITTED),
                Arguments.of(HomeworkStatus.SUBMITTED, Action.ACCEPT, HomeworkStatus.CHECKED),
                Arguments.of(HomeworkStatus.SUBMITTED, Action.RETURN, HomeworkStatus.PENDING),
                Arguments.of(HomeworkStatus.SUBMITTED, Action.WITHDRAW, HomeworkStatus.PENDING));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(HomeworkStatus.SUBMITTED, Action.SUBMIT),
                Arguments.of(HomeworkStatus.CHECKED, Action.SUBMIT),
                Arguments.of(HomeworkStatus.PENDING, Action.ACCEPT),
                Arguments.of(HomeworkStatus.CHECKED, Action.ACCEPT),
                Arguments.of(HomeworkStatus.PENDING, Action.RETURN),
                Arguments.of(HomeworkStatus.CHECKED, Action.RETURN),
                Arguments.of(HomeworkStatus.PENDING, Action.WITHDRAW),
                Arguments.of(HomeworkStatus.CHECKED, Action.WITHDRAW));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void allowedTransitionsMove(HomeworkStatus from, Action action, HomeworkStatus to) {
        assertThat(HomeworkLifecycle.allows(from, action)).isTrue();
        assertThat(HomeworkLifecycle.next(from, action)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} cannot {1}")
    @MethodSource("refused")
    void everyOtherTransitionIsAConflict(HomeworkStatus from, Action action) {
        assertThat(HomeworkLifecycle.allows(from, action)).isFalse();
        assertThatThrownBy(() -> HomeworkLifecycle.next(from, action))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("this one is " + from.value());
    }

    @Test
    void theTablesCoverEveryPairExactlyOnce() {
        long pairs = allowed().count() + refused().count();
        assertThat(pairs).isEqualTo((long) HomeworkStatus.values().length * Action.values().length);
    }

    @Test
    void checkedIsFinal() {
        for (Action action : Action.values()) {
            assertThat(HomeworkLifecycle.allows(HomeworkStatus.CHECKED, action)).as("%s", action).isFalse();
        }
    }
}
