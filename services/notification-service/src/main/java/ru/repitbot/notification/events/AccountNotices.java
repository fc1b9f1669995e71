package ru.repitbot.notification.events;

import java.util.List;
import org.springframework.stereotype.Component;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.AchievementEvents;
import ru.repitbot.events.catalogue.UserEvents;
import ru.repitbot.notification.app.Notices;
import ru.repitbot.notification.domain.NoticeText;
import ru.repitbot.notification.domain.Occasion;
import ru.repitbot.notification.domain.WhoIsTold;

/**
 * An achievement (the student and every parent) and a tutor or parent linked to or unlinked from a student (the
 * student and the people who see the child, an unlinked parent included; whoever made the change is not told).
 * docs/domain/notifications.md#who-is-told
 */
@Component
public class AccountNotices {

    private final Notices notices;

    public AccountNotices(Notices notices) {
        this.notices = notices;
    }

    public void onAchievement(AchievementEvents.Earned earned, EventEnvelope envelope) {
        String student = notices.name(earned.studentId());
        notices.tell(WhoIsTold.about(Occasion.ACHIEVEMENT_EARNED, notices.family(earned.studentId(), null)),
                LessonNotices.key(envelope), Notices.actor(envelope.userId()), null,
                new Notices.Subject("student", earned.studentId(), null), null,
                (addressee, reader) -> List.of(NoticeText.achievement(addressee.audience(), earned.icon(),
                        earned.title(), earned.description(), student)));
    }

    public void onLinked(UserEvents.Linked linked, EventEnvelope envelope) {
        link(linked.kind(), true, linked.userId(), linked.studentId(), envelope);
    }

    public void onUnlinked(UserEvents.Unlinked unlinked, EventEnvelope envelope) {
        link(unlinked.kind(), false, unlinked.userId(), unlinked.studentId(), envelope);
    }

    private void link(UserEvents.LinkKind kind, boolean linked, long userId, long studentId, EventEnvelope envelope) {
        boolean tutor = kind == UserEvents.LinkKind.tutor;
        Occasion occasion = tutor ? (linked ? Occasion.TUTOR_LINKED : Occasion.TUTOR_UNLINKED)
                : (linked ? Occasion.PARENT_LINKED : Occasion.PARENT_UNLINKED);
        String who = notices.name(userId);
        String student = notices.name(studentId);
        notices.tell(WhoIsTold.aboutLink(occasion, userId, notices.family(studentId, tutor ? userId : null)),
                LessonNotices.key(envelope), Notices.actor(envelope.userId()), null,
                new Notices.Subject("student", studentId, null), null,
                (addressee, reader) -> List.of(NoticeText.link(occasion, who, student)));
    }
}
