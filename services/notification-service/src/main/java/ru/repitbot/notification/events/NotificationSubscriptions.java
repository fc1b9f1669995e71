package ru.repitbot.notification.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.repitbot.events.EventSubscription;
import ru.repitbot.events.catalogue.AchievementEvents;
import ru.repitbot.events.catalogue.HomeworkEvents;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.events.catalogue.PaymentEvents;
import ru.repitbot.events.catalogue.SchedulerEvents;
import ru.repitbot.events.catalogue.UserEvents;

/**
 * What notification-service consumes (besides the shared access projection's {@code user.*}): each handler runs in
 * the transaction that records the event in the inbox, so a redelivered event queues nothing twice.
 * docs/domain/notifications.md#who-is-told
 */
@Configuration(proxyBeanMethods = false)
public class NotificationSubscriptions {

    @Bean
    EventSubscription<UserEvents.Created> recipientOnUserCreated(RecipientsFromUsers recipients) {
        return EventSubscription.on(UserEvents.Created.class, recipients::onCreated);
    }

    @Bean
    EventSubscription<UserEvents.Updated> recipientOnUserUpdated(RecipientsFromUsers recipients) {
        return EventSubscription.on(UserEvents.Updated.class, recipients::onUpdated);
    }

    @Bean
    EventSubscription<UserEvents.Deleted> recipientOnUserDeleted(RecipientsFromUsers recipients) {
        return EventSubscription.on(UserEvents.Deleted.class, recipients::onDeleted);
    }

    @Bean
    EventSubscription<UserEvents.Linked> noticeOnUserLinked(AccountNotices notices) {
        return EventSubscription.on(UserEvents.Linked.class, notices::onLinked);
    }

    @Bean
    EventSubscription<UserEvents.Unlinked> noticeOnUserUnlinked(AccountNotices notices) {
        return EventSubscription.on(UserEvents.Unlinked.class, notices::onUnlinked);
    }

    @Bean
    EventSubscription<AchievementEvents.Earned> noticeOnAchievement(AccountNotices notices) {
        return EventSubscription.on(AchievementEvents.Earned.class, notices::onAchievement);
    }

    @Bean
    EventSubscription<LessonEvents.Created> noticeOnLessonCreated(LessonNotices notices) {
        return EventSubscription.on(LessonEvents.Created.class, notices::onCreated);
    }

    @Bean
    EventSubscription<LessonEvents.Rescheduled> noticeOnLessonRescheduled(LessonNotices notices) {
        return EventSubscription.on(LessonEvents.Rescheduled.class, notices::onRescheduled);
    }

    @Bean
    EventSubscription<LessonEvents.Cancelled> noticeOnLessonCancelled(LessonNotices notices) {
        return EventSubscription.on(LessonEvents.Cancelled.class, notices::onCancelled);
    }

    @Bean
    EventSubscription<LessonEvents.Conducted> reportOnLessonConducted(LessonNotices notices) {
        return EventSubscription.on(LessonEvents.Conducted.class, notices::onConducted);
    }

    @Bean
    EventSubscription<LessonEvents.Updated> noticeOnLessonUpdated(LessonNotices notices) {
        return EventSubscription.on(LessonEvents.Updated.class, notices::onUpdated);
    }

    @Bean
    EventSubscription<LessonEvents.Deleted> noticeOnLessonDeleted(LessonNotices notices) {
        return EventSubscription.on(LessonEvents.Deleted.class, notices::onDeleted);
    }

    @Bean
    EventSubscription<HomeworkEvents.Assigned> noticeOnHomeworkAssigned(HomeworkNotices notices) {
        return EventSubscription.on(HomeworkEvents.Assigned.class, notices::onAssigned);
    }

    @Bean
    EventSubscription<HomeworkEvents.Submitted> noticeOnHomeworkSubmitted(HomeworkNotices notices) {
        return EventSubscription.on(HomeworkEvents.Submitted.class, notices::onSubmitted);
    }

    @Bean
    EventSubscription<HomeworkEvents.Checked> noticeOnHomeworkChecked(HomeworkNotices notices) {
        return EventSubscription.on(HomeworkEvents.Checked.class, notices::onChecked);
    }

    @Bean
    EventSubscription<PaymentEvents.Created> noticeOnPaymentCreated(MoneyNotices notices) {
        return EventSubscription.on(PaymentEvents.Created.class, notices::onPaymentCreated);
    }

    @Bean
    EventSubscription<PaymentEvents.Updated> watchOnPaymentUpdated(MoneyNotices notices) {
        return EventSubscription.on(PaymentEvents.Updated.class, notices::onPaymentUpdated);
    }

    @Bean
    EventSubscription<PaymentEvents.Voided> watchOnPaymentVoided(MoneyNotices notices) {
        return EventSubscription.on(PaymentEvents.Voided.class, notices::onPaymentVoided);
    }

    @Bean
    EventSubscription<PaymentEvents.BalanceLow> noticeOnBalanceLow(MoneyNotices notices) {
        return EventSubscription.on(PaymentEvents.BalanceLow.class, notices::onBalanceLow);
    }

    @Bean
    EventSubscription<SchedulerEvents.ReminderDue> noticeOnReminderDue(ReminderNotices notices) {
        return EventSubscription.on(SchedulerEvents.ReminderDue.class, notices::onReminderDue);
    }

    @Bean
    EventSubscription<SchedulerEvents.DigestDue> digestOnDigestDue(MoneyNotices notices) {
        return EventSubscription.on(SchedulerEvents.DigestDue.class, notices::onDigestDue);
    }
}
