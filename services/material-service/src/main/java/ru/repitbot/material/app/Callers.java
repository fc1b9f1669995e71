package ru.repitbot.material.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.material.domain.MaterialAccess;
import ru.repitbot.models.Role;

/** The caller's {@link MaterialAccess}, from the access projection ({@link AccessDirectory}): who is whose. */
@Component
public class Callers {

    private final AccessDirectory directory;

    public Callers(AccessDirectory directory) {
        this.directory = directory;
    }

    public MaterialAccess access(CurrentUser caller) {
        if (caller.seesEverything()) {
            return MaterialAccess.all();
        }
        return switch (caller.role()) {
            case TUTOR -> MaterialAccess.tutor(caller.id());
            case STUDENT -> MaterialAccess.family(directory.tutorsOf(caller.id()), List.of(caller.id()));
            case PARENT -> {
                List<Long> children = directory.linkedLiveStudents(Role.PARENT, caller.id());
                Set<Long> tutors = new LinkedHashSet<>();
                for (long child : children) {
                    tutors.addAll(directory.tutorsOf(child));
                }
                yield MaterialAccess.family(new ArrayList<>(tutors), children);
            }
            default -> MaterialAccess.family(List.of(), List.of());
        };
    }
}
