package ru.repitbot.user.api;

import ru.repitbot.models.Role;
import ru.repitbot.user.domain.User;

/** Just who someone is: what a student or parent learns about their tutors. */
public record UserSummary(long id, Role role, String fullName) {

    public static UserSummary of(User user) {
        return new UserSummary(user.id(), user.role(), user.fullName());
    }
}
