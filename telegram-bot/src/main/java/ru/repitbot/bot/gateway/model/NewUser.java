package ru.repitbot.bot.gateway.model;

import java.util.List;
import ru.repitbot.models.Role;

/** The body of {@code POST /api/v1/users} (user-service README); null fields are left out. */
public record NewUser(Role role, String fullName, String timeZone, Integer grade, List<Long> tutorIds,
        List<Long> parentIds, List<Long> studentIds) {

    public static NewUser student(String fullName) {
        return new NewUser(Role.STUDENT, fullName, null, null, null, null, null);
    }

    public static NewUser parentOf(String fullName, long studentId) {
        return new NewUser(Role.PARENT, fullName, null, null, null, null, List.of(studentId));
    }

    public static NewUser tutor(String fullName) {
        return new NewUser(Role.TUTOR, fullName, null, null, null, null, null);
    }
}
