package ru.repitbot.bot.it;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The answers of the services as the family flows read them, with every field the real records have (snake_case,
 * nulls present): lesson-service's {@code LessonResponse}, homework-service's {@code HomeworkResponse},
 * payment-service's {@code PaymentResponse} and balances, user-service's {@code UserResponse}/{@code UserSummary}.
 */
final class FamilyJson {

    private FamilyJson() {
    }

    static String user(long id, String role, String name) {
        return """
                {"id":%d,"role":"%s","full_name":"%s","telegram_id":null,"username":null,
                 "time_zone":"Europe/Moscow","grade":%s,"created_at":"2026-01-10T09:00:00Z",
                 "updated_at":"2026-01-10T09:00:00Z"}""".formatted(id, role, name, "student".equals(role) ? "7" : "null");
    }

    static String summary(long id, String role, String name) {
        return """
                {"id":%d,"role":"%s","full_name":"%s"}""".formatted(id, role, name);
    }

    static String lesson(long id, long tutorId, long studentId, String topic, String startAt, String attendance,
            String mastery) {
        return """
                {"id":%d,"tutor_id":%d,"student_id":%d,"topic":"%s","start_at":%s,"end_at":null,
                 "duration_minutes":60,"time_zone":"Europe/Moscow","skills_developed":"Счёт в уме",
                 "mastery_level":%s,"mastery_comment":%s,"attendance_status":"%s","lesson_status":"not_conducted",
                 "charged":%s,"original_start_at":null,"is_rescheduled":false,"is_makeup":false,
                 "topic_moved_to_lesson_id":null,"cancellation_reason":null,"reschedule_reason":null,
                 "created_at":"2026-01-10T09:00:00+03:00","updated_at":"2026-01-10T09:00:00+03:00","version":1}"""
                .formatted(id, tutorId, studentId, topic, startAt == null ? "null" : "\"" + startAt + "\"",
                        mastery == null ? "null" : "\"" + mastery + "\"",
                        mastery == null ? "null" : "\"Молодец\"", attendance,
                        "attended".equals(attendance) || "unexcused_absence".equals(attendance));
    }

    /** A homework; {@code answer} is the {@code submission} object or null. */
    static String homework(long id, long lessonId, long studentId, long tutorId, String topic, String description,
            String deadline, List<String> tutorPhotos, String status, boolean overdue, String answer,
            String comment) {
        return """
                {"id":%d,"lesson_id":%d,"student_id":%d,"tutor_id":%d,"lesson_topic":"%s",
                 "lesson_date":"2026-03-02T15:30:00+03:00","description":"%s","deadline":"%s",
                 "link":"https://example.org/task","photo_file_ids":%s,"documents":[],
                 "status":"%s","overdue":%s,"submission":%s,
                 "tutor_comment":%s,"checked_at":null,"returned_at":null,"attachments":[],
                 "created_at":"2026-03-02T16:30:00+03:00","updated_at":"2026-03-02T16:30:00+03:00","version":1}"""
                .formatted(id, lessonId, studentId, tutorId, topic, description, deadline, strings(tutorPhotos),
                        status, overdue, answer == null ? "null" : answer,
                        comment == null ? "null" : "\"" + comment + "\"");
    }

    /** {@code homework} with the tutor's Telegram documents, each {@code {file_id, file_name}} (a null name: none). */
    static String withDocuments(String homework, List<String> fileIds, List<String> names) {
        String documents = java.util.stream.IntStream.range(0, fileIds.size())
                .mapToObj(i -> "{\"file_id\":\"" + fileIds.get(i) + "\",\"file_name\":"
                        + (names.get(i) == null ? "null" : "\"" + names.get(i) + "\"") + "}")
                .collect(Collectors.joining(",", "[", "]"));
        return homework.replace("\"documents\":[]", "\"documents\":" + documents);
    }

    static String answer(String text, List<String> photos, String document) {
        return """
                {"text":%s,"photo_file_ids":%s,"document_file_id":%s,"submitted_at":"2026-03-03T18:00:00+03:00"}"""
                .formatted(text == null ? "null" : "\"" + text + "\"", strings(photos),
                        document == null ? "null" : "\"" + document + "\"");
    }

    static String payment(long id, long tutorId, long studentId, int lessons, String amount, String paidAt,
            boolean voided) {
        return """
                {"id":%d,"tutor_id":%d,"student_id":%d,"lessons_paid":%d,"amount":%s,"currency":"RUB",
                 "method":"transfer","paid_at":"%s","comment":null,"created_at":"%s","created_by":"%d",
                 "voided":%s,"voided_at":%s,"voided_by":%s,"void_reason":%s,"balance_after":null}"""
                .formatted(id, tutorId, studentId, lessons, amount == null ? "null" : "\"" + amount + "\"", paidAt,
                        paidAt, tutorId, voided, voided ? "\"" + paidAt + "\"" : "null",
                        voided ? "\"" + tutorId + "\"" : "null", voided ? "\"ошибка\"" : "null");
    }

    static String balances(long studentId, String... lines) {
        return """
                {"student_id":%d,"balances":[%s]}""".formatted(studentId, String.join(",", lines));
    }

    static String balanceLine(long tutorId, int lessons, String price, String money) {
        return """
                {"tutor_id":%d,"balance_lessons":%d,"paid_lessons":%d,"charged_lessons":%d,"lesson_price":%s,
                 "currency":%s,"balance_money":%s}""".formatted(tutorId, lessons, lessons + 6, 6,
                price == null ? "null" : "\"" + price + "\"", price == null ? "null" : "\"RUB\"",
                money == null ? "null" : "\"" + money + "\"");
    }

    static String page(List<String> items, long total, int page, int size) {
        int pages = (int) ((total + size - 1) / size);
        return """
                {"items":[%s],"total":%d,"page":%d,"size":%d,"pages":%d}""".formatted(String.join(",", items), total,
                page, size, pages);
    }

    private static String strings(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
