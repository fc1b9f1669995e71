package ru.repitbot.user.db;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import ru.repitbot.models.Role;
import ru.repitbot.user.domain.User;

/** Live users (deleted ones are filtered out by the entity's restriction). */
public interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {

    boolean existsByAccessCodeHash(String accessCodeHash);

    boolean existsByRole(Role role);

    long countByRole(Role role);

    Optional<User> findByTelegramId(long telegramId);

    /** The code's user, locked until the binding transaction ends, so two logins cannot race. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.accessCodeHash = :hash")
    Optional<User> lockByAccessCodeHash(@Param("hash") String hash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.id = :id")
    Optional<User> lockById(@Param("id") long id);
}
