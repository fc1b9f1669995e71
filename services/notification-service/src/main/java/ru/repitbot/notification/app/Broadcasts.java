package ru.repitbot.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.idempotency.Idempotency;
import ru.repitbot.idempotency.IdempotencyKeys;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.notification.api.BroadcastRequests;
import ru.repitbot.notification.api.BroadcastResponse;
import ru.repitbot.notification.db.Conversations;
import ru.repitbot.notification.db.NewMessage;
import ru.repitbot.notification.db.OutgoingMessages;
import ru.repitbot.notification.db.People;
import ru.repitbot.notification.domain.ConversationText;
import ru.repitbot.notification.domain.MessageContent;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.Person;

/**
 * A tutor's broadcasts (docs/domain/notifications.md#q17-messages-are-stored): to their own live students, those
 * students' parents, or both — each person once, however many of the tutor's students they are a parent of. The
 * recipients are fixed when it starts, one queued message each (key {@code broadcast:{id}}); progress and the final
 * report are counted from those messages, and a broadcast is {@code finished} once none is queued or being sent
 * (worked out whenever it is read). Cancelling cancels what is still queued. A reader who switched broadcasts off
 * is listed as skipped; quiet hours hold a broadcast unless it is urgent (docs/domain/notifications.md#quiet-hours).
 */
@Service("broadcastUseCases")
public class Broadcasts {

    public static final List<String> AUDIENCES = List.of("students", "parents", "both");

    private final ru.repitbot.notification.db.Broadcasts broadcasts;
    private final OutgoingMessages queue;
    private final Conversations conversations;
    private final People people;
    private final AccessDirectory directory;
    private final MessageRendering rendering;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public Broadcasts(ru.repitbot.notification.db.Broadcasts broadcasts, OutgoingMessages queue,
            Conversations conversations, People people, AccessDirectory directory, MessageRendering rendering,
            IdempotencyKeys idempotencyKeys, Clock clock) {
        this.broadcasts = broadcasts;
        this.queue = queue;
        this.conversations = conversations;
        this.people = people;
        this.directory = directory;
        this.rendering = rendering;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /** A broadcast started, or the one an earlier request with the same {@code Idempotency-Key} started. */
    public record Creation(BroadcastResponse broadcast, boolean replayed) {
    }

    @Transactional
    public Creation start(CurrentUser caller, BroadcastRequests.Create request, String idempotencyKey) {
        if (!caller.is(Role.TUTOR)) {
            throw new ForbiddenException("only a tutor broadcasts, to their own students and parents");
        }
        String key = Idempotency.parseKey(idempotencyKey);
        String audience = audience(request.audience());
        MessageContent content = MessageContent.of(request.text(), request.fileIds(), request.fileKind());
        boolean urgent = Boolean.TRUE.equals(request.urgent());
        long tutorId = caller.id();
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(caller.actorId(), key, Idempotency.fingerprint(
                "broadcast", audience, content.text(), String.join("\n", content.fileIds()), content.fileKind(),
                urgent));
        if (claim.isReplay()) {
            return new Creation(view(claim.replayId()), true);
        }

        List<Long> students = directory.linkedLiveStudents(Role.TUTOR, tutorId);
        Set<Long> recipients = new LinkedHashSet<>();
        if (!"parents".equals(audience)) {
            recipients.addAll(students);
        }
        if (!"students".equals(audience)) {
            recipients.addAll(directory.liveUsersLinkedToAny(Role.PARENT, students));
        }
        if (recipients.isEmpty()) {
            throw new ConflictException("There is no one to send it to: you have no " + switch (audience) {
                case "students" -> "students";
                case "parents" -> "students with a linked parent";
                default -> "students or parents";
            } + " yet.");
        }

        Instant now = clock.instant();
        long id = broadcasts.create(tutorId, audience, content.text(), content.fileIds(), content.fileKind(), now);
        String tutorName = Messages.nameOf(directory.fullNamesOf(List.of(tutorId)), tutorId);
        Map<Long, Person> readers = people.people(recipients);
        for (long recipientId : recipients) {
            Person reader = readers.get(recipientId);
            if (!reader.preferences().isOn(NoticeKind.BROADCAST)) {
                broadcasts.addRecipient(id, recipientId, null);
                continue;
            }
            String text = rendering.message(reader.language(), ConversationText.broadcastHeader(tutorName), content,
                    null);
            Instant notBefore = urgent ? now : reader.deliverAt(now, NoticeKind.BROADCAST);
            long messageId = queue.enqueue(NewMessage.to(recipientId, NoticeKind.BROADCAST, "broadcast:" + id, text)
                            .from(tutorId).withFiles(content.fileIds(), content.fileKind()).inBroadcast(id)
                            .notBefore(notBefore))
                    .orElseThrow(() -> new IllegalStateException("broadcast " + id + " already reached "
                            + recipientId));
            conversations.keepSenderText(messageId, content.text());
            broadcasts.addRecipient(id, recipientId, messageId);
        }
        idempotencyKeys.complete(claim, id);
        return new Creation(view(id), false);
    }

    @Transactional
    public PageResponse<BroadcastResponse> list(CurrentUser caller, Integer page, Integer size) {
        requireTutorOrAdmin(caller);
        PageQuery paging = PageQuery.of(page, size);
        Conversations.Page<ru.repitbot.notification.db.Broadcasts.Broadcast> found =
                broadcasts.page(caller.seesEverything() ? null : caller.id(), paging);
        return PageResponse.of(found.items().stream().map(b -> view(b.id())).toList(), found.total(),
                paging.page(), paging.size());
    }

    @Transactional
    public BroadcastResponse get(CurrentUser caller, long id) {
        requireTutorOrAdmin(caller);
        visible(caller, broadcasts.find(id), id);
        return view(id);
    }

    /** Cancels what is still queued; 409 when it has finished. Cancelling a cancelled broadcast changes nothing. */
    @Transactional
    public BroadcastResponse cancel(CurrentUser caller, long id) {
        requireTutorOrAdmin(caller);
        ru.repitbot.notification.db.Broadcasts.Broadcast broadcast = visible(caller, broadcasts.lock(id), id);
        if (broadcast.running()) {
            BroadcastResponse now = view(id);
            if ("finished".equals(now.status())) {
                throw new ConflictException("Broadcast " + id + " has finished: every message was sent or failed.");
            }
            broadcasts.cancel(id, clock.instant());
        } else if ("finished".equals(broadcast.status())) {
            throw new ConflictException("Broadcast " + id + " has finished: every message was sent or failed.");
        }
        return view(id);
    }

    /** The broadcast as it is now; marks it finished when nothing of it is queued or being sent any more. */
    private BroadcastResponse view(long id) {
        ru.repitbot.notification.db.Broadcasts.Broadcast broadcast = broadcasts.find(id)
                .orElseThrow(() -> new NotFoundException("broadcast", id));
        List<ru.repitbot.notification.db.Broadcasts.Recipient> recipients = broadcasts.recipients(id);
        int queued = 0;
        int sent = 0;
        int failed = 0;
        int unreachable = 0;
        int cancelled = 0;
        int skipped = 0;
        Instant lastFinished = null;
        List<ru.repitbot.notification.db.Broadcasts.Recipient> notReached = new ArrayList<>();
        for (ru.repitbot.notification.db.Broadcasts.Recipient r : recipients) {
            String status = r.messageStatus() == null ? "skipped" : r.messageStatus();
            switch (status) {
                case "queued", "sending" -> queued++;
                case "sent" -> sent++;
                case "failed" -> failed++;
                case "unreachable" -> unreachable++;
                case "cancelled" -> cancelled++;
                default -> skipped++;
            }
            if (List.of("failed", "unreachable", "skipped").contains(status)) {
                notReached.add(r);
            }
            if (r.finishedAt() != null && (lastFinished == null || r.finishedAt().isAfter(lastFinished))) {
                lastFinished = r.finishedAt();
            }
        }
        if (broadcast.running() && queued == 0) {
            Instant finishedAt = lastFinished == null ? clock.instant() : lastFinished;
            broadcasts.finish(id, finishedAt);
            broadcast = broadcasts.find(id).orElseThrow();
        }
        Map<Long, String> names = directory.fullNamesOf(notReached.stream()
                .map(ru.repitbot.notification.db.Broadcasts.Recipient::userId).toList());
        List<BroadcastResponse.Failure> failures = notReached.stream().map(r -> new BroadcastResponse.Failure(
                r.userId(), names.get(r.userId()), r.messageStatus() == null ? "skipped" : r.messageStatus(),
                r.messageStatus() == null ? "switched_off" : Objects.requireNonNullElse(r.reason(),
                        r.messageStatus()))).toList();
        return new BroadcastResponse(broadcast.id(), broadcast.audience(), broadcast.text(), broadcast.fileIds(),
                broadcast.fileKind(), broadcast.status(), recipients.size(), queued, sent, failed, unreachable,
                cancelled, skipped, broadcast.createdAt(), broadcast.finishedAt(), failures);
    }

    private static ru.repitbot.notification.db.Broadcasts.Broadcast visible(CurrentUser caller,
            java.util.Optional<ru.repitbot.notification.db.Broadcasts.Broadcast> found, long id) {
        return found.filter(b -> caller.seesEverything() || b.tutorId() == caller.id())
                .orElseThrow(() -> new NotFoundException("broadcast", id));
    }

    private static void requireTutorOrAdmin(CurrentUser caller) {
        caller.require(Role.TUTOR, Role.ADMIN);
    }

    private static String audience(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException("audience", "required: one of " + String.join(", ", AUDIENCES));
        }
        if (!AUDIENCES.contains(raw.strip())) {
            throw new InvalidFieldException("audience", "must be one of " + String.join(", ", AUDIENCES));
        }
        return raw.strip();
    }
}
