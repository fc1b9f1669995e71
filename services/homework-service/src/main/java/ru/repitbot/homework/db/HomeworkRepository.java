package ru.repitbot.homework.db;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import ru.repitbot.homework.domain.Homework;

public interface HomeworkRepository extends JpaRepository<Homework, Long> {

    /** The homework, locked until the transaction ends: status changes of one homework happen one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from Homework h where h.id = :id")
    Optional<Homework> findForUpdate(@Param("id") long id);
}
