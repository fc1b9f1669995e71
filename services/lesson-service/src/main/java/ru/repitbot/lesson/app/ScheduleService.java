package ru.repitbot.lesson.app;

import ru.repitbot.lesson.api.ScheduleDtos;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.lesson.config.LessonSettings;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.lesson.db.LessonRepository;
import ru.repitbot.lesson.db.TutorLocks;
import ru.repitbot.lesson.db.VacatedSlots;
import ru.repitbot.lesson.db.WeeklyScheduleRepository;
import ru.repitbot.lesson.domain.Lesson;
import ru.repitbot.lesson.domain.LessonOverlap;
import ru.repitbot.lesson.domain.ScheduleSlot;
import ru.repitbot.lesson.domain.TemplateMaterialisation;
import ru.repitbot.lesson.domain.WeeklySchedule;
import ru.repitbot.lesson.domain.WeeklySlots;
import ru.repitbot.lesson.events.LessonEventPublisher;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;

/**
 * Weekly templates (docs/domain/schedule.md#weekly-templates): one per tutor and student. Tutors and admins write them; the student and their parents
 * read them. Materialisation creates {@code scheduled} lessons for the next weeks, never duplicating a lesson at
 * that time and never overlapping the tutor's other lessons.
 */
@Service
public class ScheduleService {

    private final WeeklyScheduleRepository schedules;
    private final LessonRepository lessons;
    private final StudentAccess access;
    private final AccessDirectory directory;
    private final TutorLocks locks;
    private final VacatedSlots vacated;
    private final LessonEventPublisher events;
    private final Zones zones;
    private final LessonSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    public ScheduleService(WeeklyScheduleRepository schedules, LessonRepository lessons, StudentAccess access,
            AccessDirectory directory, TutorLocks locks, VacatedSlots vacated, LessonEventPublisher events, Zones zones,
            LessonSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.schedules = schedules;
        this.lessons = lessons;
        this.access = access;
        this.directory = directory;
        this.locks = locks;
        this.vacated = vacated;
        this.events = events;
        this.zones = zones;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * The template of a student: a tutor sees their own; others the one of {@code tutorId}, or the student's only
     * one. No template yet is an empty one.
     */
    @Transactional(readOnly = true)
    public ScheduleDtos.Template get(CurrentUser caller, long studentId, Long tutorId) {
        access.requireVisible(caller, studentId);
        if (caller.is(Role.TUTOR)) {
            long own = ownTutor(caller, tutorId);
            return schedules.findOne(studentId, own).map(this::view).orElseGet(() -> empty(studentId, own));
        }
        if (tutorId != null) {
            return schedules.findOne(studentId, tutorId).map(this::view)
                    .orElseGet(() -> empty(studentId, tutorId));
        }
        List<WeeklySchedule> all = schedules.findByStudent(studentId);
        if (all.size() > 1) {
            throw new InvalidFieldException("tutor_id", "the student has templates of several tutors "
                    + all.stream().map(WeeklySchedule::tutorId).toList() + "; name one");
        }
        return all.isEmpty() ? empty(studentId, null) : view(all.getFirst());
    }

    /** All templates of a student the caller may see (a tutor: only their own). */
    @Transactional(readOnly = true)
    public List<ScheduleDtos.Template> list(CurrentUser caller, long studentId) {
        access.requireVisible(caller, studentId);
        return schedules.findByStudent(studentId).stream()
                .filter(s -> !caller.is(Role.TUTOR) || s.tutorId() == caller.id())
                .map(this::view).toList();
    }

    @Transactional
    public ScheduleDtos.Template put(CurrentUser caller, long studentId, ScheduleDtos.Put request) {
        caller.require(Role.TUTOR, Role.ADMIN);
        access.requireVisible(caller, studentId);
        long tutorId;
        if (caller.is(Role.TUTOR)) {
            tutorId = ownTutor(caller, request.tutorId());
        } else {
            if (request.tutorId() == null) {
                throw new InvalidFieldException("tutor_id", "is required when an admin or a service sets a template");
            }
            if (!directory.isTutorOf(request.tutorId(), studentId)) {
                throw new InvalidFieldException("tutor_id", "is not a tutor of student " + studentId);
            }
            tutorId = request.tutorId();
        }
        String zone = zone(request.timeZone());
        List<ScheduleSlot> slots = new ArrayList<>();
        for (ScheduleDtos.Slot slot : request.slots()) {
            slots.add(new ScheduleSlot(slot.weekday().toDayOfWeek(), LocalTime.parse(slot.time()),
                    slot.durationMinutes() == null ? Lesson.DEFAULT_DURATION_MINUTES : slot.durationMinutes(),
                    slot.note() == null || slot.note().isBlank() ? null : slot.note().strip()));
        }
        WeeklySlots.firstOverlap(slots.stream().map(ScheduleSlot::asSlot).toList()).ifPresent(clash -> {
            throw new InvalidFieldException("slots[" + clash.second() + "]", "overlaps slots[" + clash.first() + "]");
        });
        Instant now = clock.instant();
        WeeklySchedule schedule = schedules.findOne(studentId, tutorId)
                .orElseGet(() -> new WeeklySchedule(studentId, tutorId, now));
        schedule.replace(zone, slots, now);
        return view(schedules.saveAndFlush(schedule));
    }

    /**
     * Deletes a weekly template: a tutor their own, an admin or service the one of {@code tutorId}. Lessons already
     * made from it stay; nothing new is made from it.
     */
    @Transactional
    public void delete(CurrentUser caller, long studentId, Long tutorId) {
        caller.require(Role.TUTOR, Role.ADMIN);
        access.requireVisible(caller, studentId);
        long tutor;
        if (caller.is(Role.TUTOR)) {
            tutor = ownTutor(caller, tutorId);
        } else if (tutorId == null) {
            throw new InvalidFieldException("tutor_id", "is required when an admin or a service deletes a template");
        } else {
            tutor = tutorId;
        }
        WeeklySchedule schedule = schedules.findOne(studentId, tutor)
                .orElseThrow(() -> new NotFoundException("weekly template of student", studentId));
        schedules.delete(schedule);
    }

    /** Materialises the student's template(s): a tutor's own; an admin's or service's all (or {@code tutorId}'s). */
    public ScheduleDtos.Materialised materialiseStudent(CurrentUser caller, long studentId, Integer weeks,
            Long tutorId) {
        caller.require(Role.TUTOR, Role.ADMIN);
        access.requireVisible(caller, studentId);
        int horizon = weeks(weeks);
        List<WeeklySchedule> templates;
        if (caller.is(Role.TUTOR)) {
            templates = schedules.findOne(studentId, ownTutor(caller, tutorId)).stream().toList();
        } else if (tutorId != null) {
            templates = schedules.findOne(studentId, tutorId).stream().toList();
        } else {
            templates = schedules.findByStudent(studentId);
        }
        ScheduleDtos.Materialised total = ScheduleDtos.Materialised.none();
        for (WeeklySchedule template : templates) {
            total = total.plus(materialiseOne(template.id(), horizon));
        }
        return total;
    }

    /** Every template (the scheduler's call): services and admins only. */
    public ScheduleDtos.Materialised materialiseAll(CurrentUser caller, Integer weeks) {
        if (!caller.seesEverything()) {
            throw new ForbiddenException("materialising every template needs a service token or an admin");
        }
        int horizon = weeks(weeks);
        ScheduleDtos.Materialised total = ScheduleDtos.Materialised.none();
        for (long id : schedules.findAllIds()) {
            total = total.plus(materialiseOne(id, horizon));
        }
        return total;
    }

    /** One template in its own transaction, under its tutor's timetable lock. */
    private ScheduleDtos.Materialised materialiseOne(long scheduleId, int weeks) {
        return tx.execute(status -> {
            WeeklySchedule template = schedules.findById(scheduleId).orElse(null);
            if (template == null || !directory.isActive(template.studentId())
                    || !directory.isTutorOf(template.tutorId(), template.studentId())) {
                return ScheduleDtos.Materialised.none();
            }
            ZoneId zone = effectiveZone(template);
            Instant now = clock.instant();
            List<TemplateMaterialisation.Occurrence> wanted = TemplateMaterialisation.occurrences(
                    template.slots().stream().map(ScheduleSlot::asSlot).toList(), zone, now, weeks);
            if (wanted.isEmpty()) {
                return new ScheduleDtos.Materialised(1, 0, 0, 0, List.of());
            }
            locks.lockTimetableOf(template.tutorId());
            Instant from = wanted.getFirst().start().minusSeconds(60L * LessonOverlap.MAX_DURATION_MINUTES);
            Instant to = wanted.stream().map(o -> o.start().plusSeconds(60L * o.durationMinutes()))
                    .max(Comparator.naturalOrder()).orElseThrow();
            Map<Long, Lesson> nearby = new LinkedHashMap<>();
            lessons.findTutorLessonsStartingBetween(template.tutorId(), from, to).forEach(l -> nearby.put(l.id(), l));
            lessons.findStudentLessonsStartingBetween(template.studentId(), from, to)
                    .forEach(l -> nearby.put(l.id(), l));
            // A slot is taken for this student by any lesson starting there (a cancelled occurrence included) and
            // by a slot the tutor emptied on purpose; for the tutor's time only by lessons not cancelled.
            Set<Instant> taken = new HashSet<>(vacated.between(template.tutorId(), template.studentId(),
                    wanted.getFirst().start(), wanted.getLast().start()));
            nearby.values().stream().filter(l -> l.studentId() == template.studentId() && l.isDated())
                    .forEach(l -> taken.add(l.startAt()));
            List<LessonOverlap.Booking> bookings = new ArrayList<>(nearby.values().stream()
                    .filter(Lesson::occupiesTime).map(Lesson::booking).toList());

            int existing = 0;
            int conflicts = 0;
            List<Lesson> created = new ArrayList<>();
            for (TemplateMaterialisation.Occurrence occurrence : wanted) {
                if (taken.contains(occurrence.start())) {
                    existing++;
                    continue;
                }
                LessonOverlap.Booking candidate = new LessonOverlap.Booking(0, occurrence.start(),
                        occurrence.durationMinutes());
                if (LessonOverlap.firstConflict(candidate, bookings).isPresent()) {
                    conflicts++;
                    continue;
                }
                Lesson lesson = lessons.save(Lesson.schedule(template.tutorId(), template.studentId(),
                        occurrence.topic(), occurrence.start(), occurrence.durationMinutes(), null, now));
                bookings.add(lesson.booking());
                taken.add(lesson.startAt());
                created.add(lesson);
            }
            lessons.flush();
            ZoneId studentZone = zones.of(template.studentId());
            created.forEach(l -> events.created(l, studentZone));
            return new ScheduleDtos.Materialised(1, created.size(), existing, conflicts,
                    created.stream().map(Lesson::id).toList());
        });
    }

    private ZoneId effectiveZone(WeeklySchedule template) {
        if (template.timeZone() != null) {
            try {
                return ZoneId.of(template.timeZone());
            } catch (DateTimeException e) {
                // validated on write; a zone later withdrawn from the tz database falls back to the student's
            }
        }
        return zones.of(template.studentId());
    }

    private ScheduleDtos.Template view(WeeklySchedule s) {
        return new ScheduleDtos.Template(s.studentId(), s.tutorId(), s.timeZone(), effectiveZone(s).getId(),
                s.slots().stream().map(slot -> new ScheduleDtos.Slot(ScheduleDtos.Weekday.of(slot.weekday()),
                        slot.time().toString(), slot.durationMinutes(), slot.note())).toList(),
                LessonEventPublisher.at(s.updatedAt(), effectiveZone(s)));
    }

    private ScheduleDtos.Template empty(long studentId, Long tutorId) {
        return new ScheduleDtos.Template(studentId, tutorId, null, zones.of(studentId).getId(), List.of(), null);
    }

    private static long ownTutor(CurrentUser caller, Long tutorId) {
        if (tutorId != null && tutorId != caller.id()) {
            throw new NotFoundException("schedule of tutor", tutorId);
        }
        return caller.id();
    }

    private int weeks(Integer weeks) {
        int value = weeks == null ? settings.materialiseWeeks() : weeks;
        if (value < 1 || value > 52) {
            throw new InvalidFieldException("weeks", "must be between 1 and 52");
        }
        return value;
    }

    private static String zone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(raw.strip());
            if (zone instanceof java.time.ZoneOffset) {
                throw new DateTimeException("an offset is not a zone: it has no daylight-saving rules");
            }
            return zone.getId();
        } catch (DateTimeException e) {
            throw new InvalidFieldException("time_zone", "must be an IANA time zone such as Europe/Kaliningrad");
        }
    }
}
