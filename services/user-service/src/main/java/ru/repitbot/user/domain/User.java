package ru.repitbot.user.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.SQLRestriction;
import ru.repitbot.events.catalogue.UserChanges;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * A person using RepitBot: admin, tutor, student or parent. Deleted users stay as rows (for history) but vanish from
 * every read through the restriction below. The access code is held only as its keyed hash.
 */
@Entity
@Table(name = "users")
@SQLRestriction("deleted_at IS NULL")
public class User {

    public static final int NAME_MIN = 2;
    public static final int NAME_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = RoleColumn.class)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "full_name", nullable = false, length = 100)
    private String fullName;

    @Column(name = "telegram_id")
    private Long telegramId;

    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "grade")
    private Integer grade;

    @Column(name = "access_code_hash", nullable = false, length = 64)
    private String accessCodeHash;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Starts at 1 (Hibernate keeps a set value), so a user's first event carries aggregate_version 1. */
    @Version
    @Column(name = "version", nullable = false)
    private long version = 1;

    protected User() {
        // for JPA
    }

    private User(Role role, String fullName, String timeZone, Integer grade, String accessCodeHash, Long createdBy,
            Instant now) {
        this.role = Objects.requireNonNull(role, "role");
        this.fullName = FullName.normalise(fullName);
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.grade = checkedGrade(role, grade);
        this.accessCodeHash = Objects.requireNonNull(accessCodeHash, "accessCodeHash");
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new user with a validated name, an already validated IANA zone and the hash of their first access code.
     *
     * @throws InvalidFieldException for a bad name or a grade that does not fit the role
     */
    public static User create(Role role, String fullName, String timeZone, Integer grade, String accessCodeHash,
            Long createdBy, Instant now) {
        return new User(role, fullName, timeZone, grade, accessCodeHash, createdBy, now);
    }

    /** Applies the given new values (null = keep); returns what changed, old and new ({@code user.updated}). */
    public UserChanges update(String newFullName, String newTimeZone, Integer newGrade, String newUsername,
            Instant now) {
        UserChanges changes = UserChanges.NONE;
        if (newFullName != null) {
            String normalised = FullName.normalise(newFullName);
            changes = changes.withFullName(fullName, normalised);
            fullName = normalised;
        }
        if (newTimeZone != null) {
            changes = changes.withTimeZone(timeZone, newTimeZone);
            timeZone = newTimeZone;
        }
        if (newGrade != null) {
            Integer checked = checkedGrade(role, newGrade);
            changes = changes.withGrade(grade, checked);
            grade = checked;
        }
        if (newUsername != null) {
            String normalised = TelegramUsername.normalise(newUsername);
            changes = changes.withUsername(username, normalised);
            username = normalised;
        }
        touch(changes, now);
        return changes;
    }

    /** Records the Telegram account that used this user's code (first use, or the same account again). */
    public UserChanges bindTelegram(long newTelegramId, String newUsername, Instant now) {
        UserChanges changes = UserChanges.NONE.withTelegramId(telegramId, newTelegramId);
        telegramId = newTelegramId;
        if (newUsername != null) {
            String normalised = TelegramUsername.normalise(newUsername);
            changes = changes.withUsername(username, normalised);
            username = normalised;
        }
        touch(changes, now);
        return changes;
    }

    /** A new code: the old one stops working and the Telegram account is released, so the code can bind anew. */
    public UserChanges replaceAccessCode(String newHash, Instant now) {
        accessCodeHash = Objects.requireNonNull(newHash, "newHash");
        UserChanges changes = UserChanges.NONE.withTelegramId(telegramId, null).withUsername(username, null);
        telegramId = null;
        username = null;
        updatedAt = now;
        return changes;
    }

    /** Takes the user out of every read and releases their Telegram account. */
    public void markDeleted(Instant now) {
        deletedAt = now;
        updatedAt = now;
        telegramId = null;
    }

    private void touch(UserChanges changes, Instant now) {
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
    }

    private static Integer checkedGrade(Role role, Integer grade) {
        if (grade == null) {
            return null;
        }
        if (role != Role.STUDENT) {
            throw new InvalidFieldException("grade", "only students have a grade");
        }
        if (grade < 1 || grade > 11) {
            throw new InvalidFieldException("grade", "must be between 1 and 11");
        }
        return grade;
    }

    public long id() {
        return id == null ? 0 : id;
    }

    public Role role() {
        return role;
    }

    public boolean is(Role r) {
        return role == r;
    }

    public String fullName() {
        return fullName;
    }

    public Long telegramId() {
        return telegramId;
    }

    public String username() {
        return username;
    }

    public String timeZone() {
        return timeZone;
    }

    public Integer grade() {
        return grade;
    }

    public String accessCodeHash() {
        return accessCodeHash;
    }

    public Long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Grows with every stored change; the {@code aggregate_version} of this user's events. */
    public long version() {
        return version;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    @Override
    public String toString() {
        // Never the code hash, never the Telegram id: this ends up in logs.
        return "User[id=" + id + ", role=" + role + "]";
    }
}
