package ru.repitbot.achievement.domain;

/**
 * The 19 achievement types (docs/domain/achievements.md#catalogue): the old bot's codes, Russian titles,
 * icons and descriptions, each reached when its measure crosses its threshold.
 */
public enum AchievementType {
    FIRST_LESSON("first_lesson", "Первый шаг", "🎯", "Поздравляем с первым уроком!", Measure.ATTENDED_LESSONS, 1),
    LESSONS_10("lessons_10", "Десятка", "🔟", "10 проведенных уроков!", Measure.ATTENDED_LESSONS, 10),
    LESSONS_25("lessons_25", "Четверть сотни", "🎖️", "25 проведенных уроков!", Measure.ATTENDED_LESSONS, 25),
    LESSONS_50("lessons_50", "Полтинник", "🥉", "50 проведенных уроков!", Measure.ATTENDED_LESSONS, 50),
    LESSONS_100("lessons_100", "Сотня", "🥈", "100 проведенных уроков!", Measure.ATTENDED_LESSONS, 100),
    FIRST_HOMEWORK("first_homework", "Первое ДЗ", "📝", "Поздравляем с первым выполненным домашним заданием!",
            Measure.ACCEPTED_HOMEWORK, 1),
    HOMEWORK_5("homework_5", "Прилежный ученик", "📚", "5 выполненных домашних заданий!", Measure.ACCEPTED_HOMEWORK, 5),
    HOMEWORK_10("homework_10", "Знаток заданий", "🎓", "10 выполненных домашних заданий!", Measure.ACCEPTED_HOMEWORK,
            10),
    HOMEWORK_25("homework_25", "Мастер домашек", "🏅", "25 выполненных домашних заданий!", Measure.ACCEPTED_HOMEWORK,
            25),
    HOMEWORK_50("homework_50", "Гуру ДЗ", "🥇", "50 выполненных домашних заданий!", Measure.ACCEPTED_HOMEWORK, 50),
    STREAK_3("streak_3", "Трудяга", "🔥", "3 дня подряд с уроками!", Measure.STREAK_DAYS, 3),
    STREAK_7("streak_7", "Неделя знаний", "⚡", "7 дней подряд с уроками!", Measure.STREAK_DAYS, 7),
    STREAK_14("streak_14", "Две недели силы", "💪", "14 дней подряд с уроками!", Measure.STREAK_DAYS, 14),
    STREAK_30("streak_30", "Месяц упорства", "👑", "30 дней подряд с уроками!", Measure.STREAK_DAYS, 30),
    POINTS_50("points_50", "Начинающий", "🌟", "Первые 50 баллов!", Measure.POINTS, 50),
    POINTS_100("points_100", "Активист", "⭐", "100 баллов набрано!", Measure.POINTS, 100),
    POINTS_250("points_250", "Звезда", "🌠", "250 баллов - отличный результат!", Measure.POINTS, 250),
    POINTS_500("points_500", "Суперзвезда", "💫", "500 баллов - невероятно!", Measure.POINTS, 500),
    POINTS_1000("points_1000", "Легенда", "🏆", "1000 баллов - вы легенда!", Measure.POINTS, 1000);

    /** What a type's threshold is compared with. */
    public enum Measure {
        ATTENDED_LESSONS, ACCEPTED_HOMEWORK, STREAK_DAYS, POINTS
    }

    private final String code;
    private final String title;
    private final String icon;
    private final String description;
    private final Measure measure;
    private final int threshold;

    AchievementType(String code, String title, String icon, String description, Measure measure, int threshold) {
        this.code = code;
        this.title = title;
        this.icon = icon;
        this.description = description;
        this.measure = measure;
        this.threshold = threshold;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String icon() {
        return icon;
    }

    public String description() {
        return description;
    }

    public Measure measure() {
        return measure;
    }

    public int threshold() {
        return threshold;
    }

    /** The type of a stored code. */
    public static AchievementType ofCode(String code) {
        for (AchievementType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown achievement type " + code);
    }
}
