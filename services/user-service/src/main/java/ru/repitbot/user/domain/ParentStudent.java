package ru.repitbot.user.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A parent of a student. A student may have any number of parents (the monolith had two columns). */
@Entity
@Table(name = "parent_students")
@IdClass(ParentStudent.Key.class)
public class ParentStudent {

    @Id
    @Column(name = "parent_id")
    private long parentId;

    @Id
    @Column(name = "student_id")
    private long studentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ParentStudent() {
        // for JPA
    }

    public ParentStudent(long parentId, long studentId, Instant createdAt) {
        this.parentId = parentId;
        this.studentId = studentId;
        this.createdAt = createdAt;
    }

    public long parentId() {
        return parentId;
    }

    public long studentId() {
        return studentId;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private long parentId;
        private long studentId;

        protected Key() {
        }

        public Key(long parentId, long studentId) {
            this.parentId = parentId;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.parentId == parentId && k.studentId == studentId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(parentId, studentId);
        }
    }
}
