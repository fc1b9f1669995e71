package ru.repitbot.bot.flows.notifications;

import ru.repitbot.bot.dialog.CallbackRoute;

/**
 * The button routes of the notification settings ({@code nt.*}), messages ({@code msg.*}) and broadcasts
 * ({@code bc.*}); the comment says what the arguments are.
 */
public final class NotifyRoutes {

    private NotifyRoutes() {
    }

    // ---- settings ----
    /** {@code nt.s} the settings screen. */
    public static final CallbackRoute SETTINGS = CallbackRoute.of("nt.s");
    /** {@code nt.k:<kind>} switch a kind on or off. */
    public static final CallbackRoute KIND = CallbackRoute.of("nt.k");
    /** {@code nt.u:<kind>} mark a kind urgent or not. */
    public static final CallbackRoute URGENT = CallbackRoute.of("nt.u");
    /** {@code nt.lk:<kind>} a kind that cannot be switched off (an alert says so). */
    public static final CallbackRoute LOCKED = CallbackRoute.of("nt.lk");
    /** {@code nt.q} ask for the quiet hours (dialog). */
    public static final CallbackRoute QUIET = CallbackRoute.of("nt.q");
    /** {@code nt.qn} no quiet hours (inside the dialog). */
    public static final CallbackRoute QUIET_NONE = CallbackRoute.of("nt.qn");
    /** {@code nt.l} the language choice. */
    public static final CallbackRoute LANGUAGE = CallbackRoute.of("nt.l");
    /** {@code nt.ls:<ru|en>} set the language. */
    public static final CallbackRoute LANGUAGE_SET = CallbackRoute.of("nt.ls");
    /** {@code nt.z} ask for the time zone (dialog). */
    public static final CallbackRoute ZONE = CallbackRoute.of("nt.z");
    /** {@code nt.zs:<zone>} a zone of the short list (inside the dialog). */
    public static final CallbackRoute ZONE_SET = CallbackRoute.of("nt.zs");
    /** {@code nt.ur} the tutor's unreachable students and parents. */
    public static final CallbackRoute UNREACHABLE = CallbackRoute.of("nt.ur");

    // ---- messages ----
    /** {@code msg.w:<page>} the tutor picks a student. */
    public static final CallbackRoute WRITE = CallbackRoute.of("msg.w");
    /** {@code msg.ws:<studentId>} the tutor picks the student or one of their parents. */
    public static final CallbackRoute WRITE_STUDENT = CallbackRoute.of("msg.ws");
    /** {@code msg.wt:<toUserId>:<studentId>} ask for the text to that person about that student (dialog). */
    public static final CallbackRoute WRITE_TO = CallbackRoute.of("msg.wt");
    /** {@code msg.ok} send the message (inside the dialog). */
    public static final CallbackRoute SEND = CallbackRoute.of("msg.ok");
    /** {@code msg.f} a student's or parent's "contact the tutor" screen. */
    public static final CallbackRoute FAMILY = CallbackRoute.of("msg.f");
    /** {@code msg.fw} a student picks the tutor; a parent picks the child first. */
    public static final CallbackRoute FAMILY_WRITE = CallbackRoute.of("msg.fw");
    /** {@code msg.fc:<childId>} a parent picks the tutor of that child. */
    public static final CallbackRoute FAMILY_CHILD = CallbackRoute.of("msg.fc");
    /** {@code msg.cl:<page>} one's conversations. */
    public static final CallbackRoute CONVERSATIONS = CallbackRoute.of("msg.cl");
    /** {@code msg.cv:<conversationId>:<page>} one conversation's messages. */
    public static final CallbackRoute CONVERSATION = CallbackRoute.of("msg.cv");

    // ---- broadcasts ----
    /** {@code bc.m} the broadcast menu (audience). */
    public static final CallbackRoute BROADCAST = CallbackRoute.of("bc.m");
    /** {@code bc.a:<students|parents|both>} ask for the text (dialog). */
    public static final CallbackRoute AUDIENCE = CallbackRoute.of("bc.a");
    /** {@code bc.ok} send the broadcast (inside the dialog). */
    public static final CallbackRoute BROADCAST_SEND = CallbackRoute.of("bc.ok");
    /** {@code bc.v:<id>} a broadcast's status. */
    public static final CallbackRoute BROADCAST_VIEW = CallbackRoute.of("bc.v");
    /** {@code bc.c:<id>} cancel a running broadcast. */
    public static final CallbackRoute BROADCAST_CANCEL = CallbackRoute.of("bc.c");
    /** {@code bc.l:<page>} the tutor's broadcasts. */
    public static final CallbackRoute BROADCASTS = CallbackRoute.of("bc.l");
}
