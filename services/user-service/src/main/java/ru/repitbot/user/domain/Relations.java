package ru.repitbot.user.domain;

/** The links the permission rules consult; answered from the link tables. */
public interface Relations {

    /** {@code tutorId} teaches {@code studentId}. */
    boolean teaches(long tutorId, long studentId);

    /** {@code parentId} is a parent of {@code studentId}. */
    boolean isParentOf(long parentId, long studentId);

    /** {@code parentId} is a parent of at least one student {@code tutorId} teaches. */
    boolean teachesChildOf(long tutorId, long parentId);

    /** {@code studentId} has a tutor other than {@code tutorId}. */
    boolean hasOtherTutor(long studentId, long tutorId);

    /** {@code parentId} has a child that {@code tutorId} does not teach. */
    boolean hasChildNotTaughtBy(long parentId, long tutorId);
}
