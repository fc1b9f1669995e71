package ru.repitbot.bot.flows;

/**
 * The reply-keyboard keys of the role menus, by their text key in {@code messages_*.properties} (docs/domain/bot.md#main-menus
 * labels). {@code flows.common.MenuFlow} puts them on the menus with "coming soon" placeholders; the flow that
 * serves one registers it with {@code FlowRegistry#label} and takes it over.
 */
public final class Labels {

    private Labels() {
    }

    public static final String TUTOR_STUDENTS = "menu.tutor.students";
    public static final String TUTOR_ADD_STUDENT = "menu.tutor.add_student";
    public static final String TUTOR_REPORT = "menu.tutor.report";
    public static final String TUTOR_LIBRARY = "menu.tutor.library";
    public static final String TUTOR_STATS = "menu.tutor.stats";
    public static final String TUTOR_BROADCAST = "menu.tutor.broadcast";
    /** The tutor's leaderboard of their students (flows.achievements). */
    public static final String TUTOR_LEADERBOARD = "menu.tutor.leaderboard";

    public static final String STUDENT_LESSONS = "menu.student.lessons";
    public static final String STUDENT_SCHEDULE = "menu.student.schedule";
    public static final String STUDENT_HOMEWORK = "menu.student.homework";
    public static final String STUDENT_PROGRESS = "menu.student.progress";
    public static final String STUDENT_BALANCE = "menu.student.balance";
    public static final String STUDENT_ACHIEVEMENTS = "menu.student.achievements";
    public static final String STUDENT_LIBRARY = "menu.student.library";
    public static final String STUDENT_CHAT = "menu.student.chat";

    public static final String PARENT_CHILDREN = "menu.parent.children";
    public static final String PARENT_CHAT = "menu.parent.chat";

    public static final String ADMIN_CREATE_TUTOR = "menu.admin.create_tutor";
    public static final String ADMIN_RESET_CODE = "menu.admin.reset_code";
    public static final String ADMIN_STATS = "menu.admin.stats";

    /** Every role: the notification settings (flows.notifications). */
    public static final String NOTIFICATIONS = "menu.notifications";
    public static final String TUTOR_WRITE = "menu.tutor.write";
    public static final String TUTOR_CONVERSATIONS = "menu.tutor.conversations";
    public static final String TUTOR_UNREACHABLE = "menu.tutor.unreachable";
}
