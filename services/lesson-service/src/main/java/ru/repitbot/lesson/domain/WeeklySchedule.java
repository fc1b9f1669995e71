package ru.repitbot.lesson.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly template of one tutor with one student (docs/domain/schedule.md#weekly-templates): weekdays with a time, a length and a note, in a time
 * zone ({@code null} = the student's zone). Lessons are materialised from it a few weeks ahead.
 */
@Entity
@Table(name = "weekly_schedules")
public class WeeklySchedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "student_id", nullable = false, updatable = false)
    private long studentId;

    @Column(name = "tutor_id", nullable = false, updatable = false)
    private long tutorId;

    @Column(name = "time_zone")
    private String timeZone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "weekly_schedule_slots", joinColumns = @JoinColumn(name = "schedule_id"))
    @OrderColumn(name = "position")
    private List<ScheduleSlot> slots = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version = 1;

    protected WeeklySchedule() {
    }

    public WeeklySchedule(long studentId, long tutorId, Instant now) {
        this.studentId = studentId;
        this.tutorId = tutorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the whole template; the caller has checked the slots with {@link WeeklySlots#firstOverlap}. */
    public void replace(String zone, List<ScheduleSlot> newSlots, Instant now) {
        this.timeZone = zone;
        this.slots.clear();
        this.slots.addAll(newSlots);
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long studentId() {
        return studentId;
    }

    public long tutorId() {
        return tutorId;
    }

    public String timeZone() {
        return timeZone;
    }

    public List<ScheduleSlot> slots() {
        return List.copyOf(slots);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
