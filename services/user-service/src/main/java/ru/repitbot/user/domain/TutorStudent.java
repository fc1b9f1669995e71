package ru.repitbot.user.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A tutor teaches a student. A student may have several tutors. */
@Entity
@Table(name = "tutor_students")
@IdClass(TutorStudent.Key.class)
public class TutorStudent {

    @Id
    @Column(name = "tutor_id")
    private long tutorId;

    @Id
    @Column(name = "student_id")
    private long studentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TutorStudent() {
        // for JPA
    }

    public TutorStudent(long tutorId, long studentId, Instant createdAt) {
        this.tutorId = tutorId;
        this.studentId = studentId;
        this.createdAt = createdAt;
    }

    public long tutorId() {
        return tutorId;
    }

    public long studentId() {
        return studentId;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private long tutorId;
        private long studentId;

        protected Key() {
        }

        public Key(long tutorId, long studentId) {
            this.tutorId = tutorId;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tutorId == tutorId && k.studentId == studentId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tutorId, studentId);
        }
    }
}
