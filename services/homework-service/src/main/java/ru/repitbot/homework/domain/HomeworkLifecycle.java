package ru.repitbot.homework.domain;

import java.util.Map;
import java.util.Set;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.errors.ConflictException;

/**
 * docs/domain/homework.md#lifecycle: {@code pending} → {@code submitted} (the student hands in) → {@code checked} (the tutor accepts), or
 * {@code submitted} → {@code pending} (the tutor returns it for rework; the submission is kept), or {@code submitted}
 * → {@code pending} (the student withdraws the answer before the tutor checked it; the answer is removed). Nothing
 * else moves: checked homework is final, and only submitted homework can be accepted, returned or withdrawn.
 */
public final class HomeworkLifecycle {

    /** What someone does to a homework. */
    public enum Action {
        SUBMIT("submitted"), ACCEPT("accepted"), RETURN("returned for rework"), WITHDRAW("withdrawn");

        private final String done;

        Action(String done) {
            this.done = done;
        }

        /** "submitted", "accepted", "returned for rework", "withdrawn". */
        public String done() {
            return done;
        }
    }

    private static final Map<Action, Set<HomeworkStatus>> ALLOWED_FROM = Map.of(
            Action.SUBMIT, Set.of(HomeworkStatus.PENDING),
            Action.ACCEPT, Set.of(HomeworkStatus.SUBMITTED),
            Action.RETURN, Set.of(HomeworkStatus.SUBMITTED),
            Action.WITHDRAW, Set.of(HomeworkStatus.SUBMITTED));

    private static final Map<Action, HomeworkStatus> RESULT = Map.of(
            Action.SUBMIT, HomeworkStatus.SUBMITTED,
            Action.ACCEPT, HomeworkStatus.CHECKED,
            Action.RETURN, HomeworkStatus.PENDING,
            Action.WITHDRAW, HomeworkStatus.PENDING);

    private HomeworkLifecycle() {
    }

    public static boolean allows(HomeworkStatus from, Action action) {
        return ALLOWED_FROM.get(action).contains(from);
    }

    /**
     * The status after {@code action}.
     *
     * @throws ConflictException when the homework's status does not allow it (answered 409)
     */
    public static HomeworkStatus next(HomeworkStatus from, Action action) {
        if (!allows(from, action)) {
            throw new ConflictException("Only " + ALLOWED_FROM.get(action).iterator().next().value()
                    + " homework can be " + action.done() + "; this one is " + from.value());
        }
        return RESULT.get(action);
    }
}
