package ru.repitbot.auth.db;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import ru.repitbot.auth.domain.RefreshTokenFamily;

public interface RefreshFamilyRepository extends JpaRepository<RefreshTokenFamily, UUID> {

    /** The family, locked until the end of the transaction: rotations and revocations of one login serialise. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from RefreshTokenFamily f where f.id = :id")
    Optional<RefreshTokenFamily> lockById(@Param("id") UUID id);

    /** Families with no token left (all expired and purged) that started before {@code before}. */
    @Modifying
    @Query("delete from RefreshTokenFamily f where f.createdAt < :before "
            + "and not exists (select 1 from RefreshToken t where t.familyId = f.id)")
    int deleteEmptyBefore(@Param("before") Instant before);
}
