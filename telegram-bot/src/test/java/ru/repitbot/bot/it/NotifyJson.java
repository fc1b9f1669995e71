package ru.repitbot.bot.it;

import java.util.List;

/**
 * notification-service's answers as the issue-11 contract describes them (snake_case, every field, nulls present):
 * preferences, unreachable people, messages, conversations and broadcasts.
 */
final class NotifyJson {

    private NotifyJson() {
    }

    static String kind(String kind, boolean switchable, boolean enabled, boolean urgent) {
        return """
                {"kind":"%s","switchable":%s,"enabled":%s,"urgent":%s,"default_enabled":true,"default_urgent":%s}"""
                .formatted(kind, switchable, enabled, urgent, urgent);
    }

    /** {@code quiet} = {@code "22:00-08:00"} or null for none. */
    static String preferences(long userId, String language, String quiet, List<String> kinds) {
        String quietHours = quiet == null ? "null" : """
                {"start":"%s","end":"%s"}""".formatted(quiet.substring(0, 5), quiet.substring(6));
        return """
                {"user_id":%d,"language":"%s","time_zone":"Europe/Moscow","quiet_hours":%s,"kinds":[%s]}"""
                .formatted(userId, language, quietHours, String.join(",", kinds));
    }

    /** The usual three: a switchable reminder, an urgent one, and messages, which cannot be switched off. */
    static String preferences(long userId, String quiet, boolean reminderOn) {
        return preferences(userId, "ru", quiet, List.of(kind("lesson_reminder_24h", true, reminderOn, false),
                kind("lesson_reminder_1h", true, true, true), kind("message", false, true, false)));
    }

    static String sent(long id, long conversationId) {
        return """
                {"id":%d,"conversation_id":%d,"status":"queued","created_at":"2026-03-02T10:00:00Z"}"""
                .formatted(id, conversationId);
    }

    static String conversation(long id, long tutorId, String tutorName, long otherId, String otherName,
            long studentId, String studentName) {
        return """
                {"id":%d,"tutor_id":%d,"tutor_name":"%s","other_id":%d,"other_name":"%s","student_id":%d,
                 "student_name":"%s","last_message_at":"2026-03-02T10:00:00Z"}"""
                .formatted(id, tutorId, tutorName, otherId, otherName, studentId, studentName);
    }

    static String message(long id, long senderId, long recipientId, String text, String createdAt) {
        return """
                {"id":%d,"sender_id":%d,"recipient_id":%d,"text":"%s","file_ids":[],"file_kind":null,"status":"sent",
                 "created_at":"%s","sent_at":"%s"}""".formatted(id, senderId, recipientId, text, createdAt, createdAt);
    }

    static String page(List<String> items, long total, int page, int pages) {
        return """
                {"items":[%s],"total":%d,"page":%d,"size":10,"pages":%d}"""
                .formatted(String.join(",", items), total, page, pages);
    }

    static String broadcast(long id, String audience, String status, int total, int queued, int sent, int failed,
            int unreachable, int cancelled, List<String> failures) {
        return """
                {"id":%d,"audience":"%s","text":"Завтра занятий нет","status":"%s","total":%d,"queued":%d,"sent":%d,
                 "failed":%d,"unreachable":%d,"cancelled":%d,"created_at":"2026-03-02T10:00:00Z","finished_at":%s,
                 "failures":[%s]}""".formatted(id, audience, status, total, queued, sent, failed, unreachable,
                cancelled, "running".equals(status) ? "null" : "\"2026-03-02T10:05:00Z\"", String.join(",", failures));
    }

    static String failure(long userId, String name, String status, String reason) {
        return """
                {"user_id":%d,"full_name":"%s","status":"%s","reason":"%s"}""".formatted(userId, name, status, reason);
    }

    static String unreachable(long userId, String name, String role, long studentId, String reason) {
        return """
                {"user_id":%d,"full_name":"%s","role":"%s","student_ids":[%d],"reason":"%s",
                 "description":"Forbidden: bot was blocked by the user","detected_at":"2026-03-01T09:00:00Z"}"""
                .formatted(userId, name, role, studentId, reason);
    }
}
