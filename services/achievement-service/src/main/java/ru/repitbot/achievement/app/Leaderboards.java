package ru.repitbot.achievement.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.achievement.api.AchievementResponses;
import ru.repitbot.achievement.db.LeaderboardSettings;
import ru.repitbot.achievement.db.PointsLedger;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;

/**
 * A tutor's leaderboard: their own linked students by points (docs/domain/achievements.md#leaderboard). The tutor
 * always sees it; their students only once the tutor has turned it on (off by default: it shows each student the
 * others' names and points); parents never (it is about other families' children). Admins and services see any
 * tutor's.
 */
@Service
public class Leaderboards {

    private final AccessDirectory directory;
    private final LeaderboardSettings settings;
    private final PointsLedger ledger;
    private final Clock clock;

    public Leaderboards(AccessDirectory directory, LeaderboardSettings settings, PointsLedger ledger, Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AchievementResponses.Leaderboard board(CurrentUser caller, Long tutorId) {
        long tutor = tutorFor(caller, tutorId);
        boolean enabled = settings.enabled(tutor);
        if (caller.is(Role.STUDENT) && !enabled) {
            throw new ForbiddenException("the tutor has not turned the leaderboard on");
        }
        List<Long> students = directory.linkedLiveStudents(Role.TUTOR, tutor);
        Map<Long, Integer> points = ledger.pointsOf(students);
        Map<Long, String> names = directory.fullNamesOf(students);
        List<Long> ordered = new ArrayList<>(students);
        ordered.sort(Comparator.<Long>comparingInt(s -> points.getOrDefault(s, 0)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<AchievementResponses.LeaderboardEntry> items = new ArrayList<>();
        int rank = 0;
        Integer previous = null;
        for (int i = 0; i < ordered.size(); i++) {
            long student = ordered.get(i);
            int p = points.getOrDefault(student, 0);
            if (previous == null || p != previous) {
                rank = i + 1;
                previous = p;
            }
            items.add(new AchievementResponses.LeaderboardEntry(rank, student, names.get(student), p,
                    !caller.isService() && caller.id() == student));
        }
        return new AchievementResponses.Leaderboard(tutor, enabled, items);
    }

    @Transactional
    public AchievementResponses.LeaderboardSetting set(CurrentUser caller, boolean enabled) {
        if (!caller.is(Role.TUTOR) || caller.isService()) {
            throw new ForbiddenException("only a tutor switches their own leaderboard");
        }
        settings.set(caller.id(), enabled, clock.instant());
        return new AchievementResponses.LeaderboardSetting(caller.id(), enabled);
    }

    private long tutorFor(CurrentUser caller, Long tutorId) {
        if (caller.seesEverything()) {
            if (tutorId == null) {
                throw new InvalidFieldException("tutor_id", "is required for an admin or a service");
            }
            return tutorId;
        }
        return switch (caller.role()) {
            case TUTOR -> {
                if (tutorId != null && tutorId != caller.id()) {
                    throw new NotFoundException("tutor", tutorId);
                }
                yield caller.id();
            }
            case STUDENT -> {
                List<Long> tutors = directory.tutorsOf(caller.id());
                if (tutorId == null) {
                    if (tutors.size() != 1) {
                        throw new InvalidFieldException("tutor_id", tutors.isEmpty() ? "the student has no tutor"
                                : "the student has several tutors: name one");
                    }
                    yield tutors.getFirst();
                }
                if (!tutors.contains(tutorId)) {
                    throw new NotFoundException("tutor", tutorId);
                }
                yield tutorId;
            }
            default -> throw new ForbiddenException("the leaderboard is for a tutor and their students");
        };
    }
}
