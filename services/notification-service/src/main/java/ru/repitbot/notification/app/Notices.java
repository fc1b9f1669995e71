package ru.repitbot.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.notification.db.NewMessage;
import ru.repitbot.notification.db.OutgoingMessages;
import ru.repitbot.notification.db.People;
import ru.repitbot.notification.db.Recipients;
import ru.repitbot.notification.domain.Addressee;
import ru.repitbot.notification.domain.Family;
import ru.repitbot.notification.domain.MessageText;
import ru.repitbot.notification.domain.Person;
import ru.repitbot.notification.domain.WhoIsTold;

/**
 * Turns "these people are told this" into queued messages (docs/domain/notifications.md#who-is-told): the person who
 * caused the change is left out, each one's switch is applied ({@link WhoIsTold#stillTold}, with the tutor's for the
 * lesson report), the text is rendered in their language with dates on their clock, and the message waits for the
 * end of their quiet hours unless its kind is urgent to them ({@link Person#deliverAt}). A person without a Telegram
 * chat still gets the row: the engine ends it as unreachable, and the tutor sees why.
 * Call it inside the transaction that records the occasion (the event's inbox row).
 */
@Service
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final People people;
    private final OutgoingMessages queue;
    private final Recipients recipients;
    private final AccessDirectory directory;
    private final Texts texts;
    private final Clock clock;

    public Notices(People people, OutgoingMessages queue, Recipients recipients, AccessDirectory directory,
            Texts texts, Clock clock) {
        this.people = people;
        this.queue = queue;
        this.recipients = recipients;
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    /** What a message is about, so a queued reminder can be cancelled when its lesson moves. */
    public record Subject(String type, long id, Instant at) {
    }

    /** The lines one addressee reads. */
    @FunctionalInterface
    public interface TextFor {
        List<MessageText> lines(Addressee addressee, Person reader);
    }

    /**
     * @param key the occasion's key (an event id, a reminder's key); stored per recipient
     * @param actor who caused it (not told), or null
     * @param tutorId the tutor whose switch also counts for the lesson report, or null
     * @param subject may be null
     * @param expiresAt may be null
     * @return how many messages were queued now
     */
    public int tell(List<Addressee> told, String key, Long actor, Long tutorId, Subject subject, Instant expiresAt,
            TextFor text) {
        List<Addressee> addressees = told.stream().filter(a -> actor == null || a.userId() != actor).toList();
        if (addressees.isEmpty()) {
            return 0;
        }
        Set<Long> ids = new HashSet<>();
        addressees.forEach(a -> ids.add(a.userId()));
        boolean needsTutor = tutorId != null && addressees.stream().anyMatch(a -> a.kind().tutorMaySilence());
        if (needsTutor) {
            ids.add(tutorId);
        }
        Map<Long, Person> persons = people.people(ids);
        Person tutor = needsTutor ? persons.get(tutorId) : null;
        Instant now = clock.instant();
        int queued = 0;
        for (Addressee addressee : addressees) {
            Person reader = persons.get(addressee.userId());
            if (!WhoIsTold.stillTold(addressee, reader.preferences(), tutor == null ? null : tutor.preferences())) {
                log.debug("{} not told {}: switched off", addressee.userId(), addressee.kind().value());
                continue;
            }
            String body = texts.render(text.lines(addressee, reader), reader.language());
            NewMessage message = NewMessage.to(addressee.userId(), addressee.kind(), key, body)
                    .notBefore(reader.deliverAt(now, addressee.kind()))
                    .expiresAt(expiresAt);
            if (subject != null) {
                message = message.about(subject.type(), subject.id(), subject.at());
            }
            if (queue.enqueue(message).isPresent()) {
                queued++;
            }
        }
        return queued;
    }

    /** A student, every live parent and the tutor, with who of them cannot be reached now. */
    public Family family(long studentId, Long tutorId) {
        List<Long> parents = directory.parentsOf(List.of(studentId)).getOrDefault(studentId, List.of());
        List<Long> everyone = new ArrayList<>(parents);
        everyone.add(studentId);
        return new Family(studentId, parents, tutorId, recipients.unreachableAmong(everyone));
    }

    public Map<Long, String> names(Collection<Long> userIds) {
        return directory.fullNamesOf(userIds);
    }

    public String name(long userId) {
        return directory.fullNamesOf(List.of(userId)).getOrDefault(userId, "—");
    }

    public Instant now() {
        return clock.instant();
    }

    /** The actor of an event's envelope as a user id; null for the system or a service. */
    public static Long actor(String userId) {
        if (userId == null) {
            return null;
        }
        try {
            return Long.parseLong(userId);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
