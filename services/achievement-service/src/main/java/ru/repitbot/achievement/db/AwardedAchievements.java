package ru.repitbot.achievement.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.repitbot.achievement.domain.AchievementType;

/** {@code student_achievement}: what each student was awarded, once per type. */
@Component
public class AwardedAchievements {

    /** One award. */
    public record Award(long id, long studentId, AchievementType type, Instant earnedAt) {
    }

    private final JdbcTemplate jdbc;

    public AwardedAchievements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<AchievementType> typesOf(long studentId) {
        Set<AchievementType> types = EnumSet.noneOf(AchievementType.class);
        jdbc.queryForList("SELECT achievement_type FROM student_achievement WHERE student_id = ?", String.class,
                studentId).forEach(code -> types.add(AchievementType.ofCode(code)));
        return types;
    }

    /** Awards the type, unless the student has it already (then empty: nothing to announce). */
    public Optional<Award> award(long studentId, AchievementType type, Instant at) {
        return jdbc.query("""
                INSERT INTO student_achievement (student_id, achievement_type, earned_at) VALUES (?, ?, ?)
                ON CONFLICT (student_id, achievement_type) DO NOTHING RETURNING id""",
                (rs, i) -> new Award(rs.getLong(1), studentId, type, at), studentId, type.code(),
                Timestamp.from(at)).stream().findFirst();
    }

    /** Newest first. */
    public List<Award> of(long studentId) {
        return jdbc.query("""
                SELECT id, achievement_type, earned_at FROM student_achievement WHERE student_id = ?
                ORDER BY earned_at DESC, id DESC""",
                (rs, i) -> new Award(rs.getLong(1), studentId, AchievementType.ofCode(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()), studentId);
    }
}
