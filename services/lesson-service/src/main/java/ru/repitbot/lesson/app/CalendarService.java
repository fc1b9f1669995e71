package ru.repitbot.lesson.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.lesson.config.LessonSettings;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.lesson.db.CalendarFeeds;
import ru.repitbot.lesson.db.LessonRepository;
import ru.repitbot.lesson.domain.AttendanceRules;
import ru.repitbot.lesson.domain.FeedTokens;
import ru.repitbot.lesson.domain.IcsWriter;
import ru.repitbot.lesson.domain.Lesson;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;

/**
 * Private calendar feeds: a secret link per person and scope that a calendar app polls without a token. What a feed
 * shows is decided when it is read, from the owner's current links, so an unlinked tutor or parent stops seeing.
 */
@Service
public class CalendarService {

    static final String CALENDAR_NAME = "RepitBot";

    private final CalendarFeeds feeds;
    private final FeedTokens tokens;
    private final LessonRepository lessons;
    private final StudentAccess access;
    private final AccessDirectory directory;
    private final Zones zones;
    private final LessonSettings settings;
    private final Clock clock;

    public CalendarService(CalendarFeeds feeds, FeedTokens tokens, LessonRepository lessons, StudentAccess access,
            AccessDirectory directory, Zones zones, LessonSettings settings, Clock clock) {
        this.feeds = feeds;
        this.tokens = tokens;
        this.lessons = lessons;
        this.access = access;
        this.directory = directory;
        this.zones = zones;
        this.settings = settings;
        this.clock = clock;
    }

    /** The link handed out once; asking again makes a new one and the old one stops working. */
    public record FeedLink(long id, String url, Long studentId) {
    }

    /**
     * A tutor: all their lessons, or one visible student's. A student: their own. A parent: all children's, or one
     * child's. An admin: one student's ({@code student_id} required).
     */
    public FeedLink create(CurrentUser caller, Long studentId) {
        if (caller.isService()) {
            throw new ForbiddenException("a calendar feed belongs to a person, not a service");
        }
        Long scope = studentId;
        switch (caller.role()) {
            case STUDENT -> {
                if (studentId != null && studentId != caller.id()) {
                    throw new NotFoundException("student", studentId);
                }
                scope = null;
            }
            case ADMIN -> {
                if (studentId == null) {
                    throw new InvalidFieldException("student_id", "is required for an admin");
                }
                access.requireVisible(caller, studentId);
            }
            default -> {
                if (studentId != null) {
                    access.requireVisible(caller, studentId);
                }
            }
        }
        String token = tokens.newToken();
        long id = feeds.store(caller.id(), caller.role().value(), scope, FeedTokens.hash(token), clock.instant());
        return new FeedLink(id, settings.calendar().publicBaseUrl() + "/api/v1/calendar/" + token + ".ics", scope);
    }

    /** A feed as its owner sees it in the list (the link itself is shown only when made). */
    public record FeedInfo(long id, Long studentId, java.time.OffsetDateTime createdAt) {
    }

    /** The caller's own feed links. */
    @Transactional(readOnly = true)
    public List<FeedInfo> list(CurrentUser caller) {
        if (caller.isService()) {
            throw new ForbiddenException("a calendar feed belongs to a person, not a service");
        }
        java.time.ZoneId zone = zones.of(caller.id());
        return feeds.ofOwner(caller.id()).stream()
                .map(f -> new FeedInfo(f.id(), f.studentId(), f.createdAt().atZone(zone).toOffsetDateTime()))
                .toList();
    }

    /** One of the caller's own feeds. */
    @Transactional(readOnly = true)
    public FeedInfo get(CurrentUser caller, long feedId) {
        return list(caller).stream().filter(f -> f.id() == feedId).findFirst()
                .orElseThrow(() -> new NotFoundException("calendar feed", feedId));
    }

    /** Revokes one of the caller's own feeds: its link stops working at once. */
    @Transactional
    public void revoke(CurrentUser caller, long feedId) {
        if (caller.isService() || !feeds.revoke(caller.id(), feedId)) {
            throw new NotFoundException("calendar feed", feedId);
        }
    }

    /** @throws NotFoundException for an unknown, rotated or no longer valid token */
    @Transactional(readOnly = true)
    public String render(String token) {
        if (!FeedTokens.looksValid(token)) {
            throw new NotFoundException("calendar", "feed");
        }
        CalendarFeeds.Feed feed = feeds.findByTokenHash(FeedTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("calendar", "feed"));
        if (!directory.isActive(feed.ownerId())) {
            throw new NotFoundException("calendar", "feed");
        }
        Role role = Role.fromValue(feed.ownerRole());
        CurrentUser owner = new CurrentUser(feed.ownerId(), role, null);
        if (feed.studentId() != null && !access.canSee(owner, feed.studentId())) {
            throw new NotFoundException("calendar", "feed");
        }
        Instant from = clock.instant().minus(Duration.ofDays(settings.calendar().pastDays()));
        List<Lesson> shown = switch (role) {
            case TUTOR -> lessons.findTutorCalendar(owner.id(), feed.studentId(), from);
            case STUDENT -> lessons.findStudentsCalendar(List.of(owner.id()), from);
            case ADMIN -> lessons.findStudentsCalendar(List.of(feed.studentId()), from);
            case PARENT -> {
                List<Long> children = feed.studentId() != null ? List.of(feed.studentId())
                        : access.visibleStudents(owner);
                yield children.isEmpty() ? List.of() : lessons.findStudentsCalendar(children, from);
            }
        };
        boolean namesStudents = role == Role.TUTOR || role == Role.PARENT || role == Role.ADMIN;
        Map<Long, String> names = namesStudents
                ? directory.fullNamesOf(shown.stream().map(Lesson::studentId).distinct().toList()) : Map.of();
        List<IcsWriter.Event> events = shown.stream().map(l -> new IcsWriter.Event(
                "lesson-" + l.id() + "@repitbot", l.startAt(), l.endAt(), l.topic(),
                names.get(l.studentId()),
                AttendanceRules.isCancellation(l.attendanceStatus()), l.version(), l.updatedAt())).toList();
        return IcsWriter.calendar(CALENDAR_NAME, zones.of(owner.id()).getId(), events);
    }
}
