package ru.repitbot.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.idempotency.Idempotency;
import ru.repitbot.idempotency.IdempotencyKeys;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.notification.api.MessageRequests;
import ru.repitbot.notification.api.MessageResponses;
import ru.repitbot.notification.db.Conversations;
import ru.repitbot.notification.db.NewMessage;
import ru.repitbot.notification.db.OutgoingMessages;
import ru.repitbot.notification.db.People;
import ru.repitbot.notification.domain.Audience;
import ru.repitbot.notification.domain.ConversationText;
import ru.repitbot.notification.domain.MessageContent;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.Person;

/**
 * Messages between a tutor and their students or those students' parents (docs/domain/notifications.md#q17-messages-are-stored):
 * each stored and queued for delivery, threaded into the (tutor, person, student) conversation. Who may write to
 * whom: a tutor to their own live students and those students' parents; a student or parent to the student's
 * tutors. Any other pair is answered 404, as if the person did not exist. A message is never switched off; it waits
 * for the end of the reader's quiet hours (docs/domain/notifications.md#quiet-hours) unless the sender marks it
 * urgent or the reader marked messages urgent.
 */
@Service
public class Messages {

    private final Conversations conversations;
    private final OutgoingMessages queue;
    private final People people;
    private final AccessDirectory directory;
    private final MessageRendering rendering;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public Messages(Conversations conversations, OutgoingMessages queue, People people, AccessDirectory directory,
            MessageRendering rendering, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.conversations = conversations;
        this.queue = queue;
        this.people = people;
        this.directory = directory;
        this.rendering = rendering;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /** A message queued, or the one an earlier request with the same {@code Idempotency-Key} queued. */
    public record Creation(MessageResponses.Sent message, boolean replayed) {
    }

    /** Who talks to whom about which student; {@code other} is the student or a parent. */
    private record Pair(long tutorId, long otherId, long studentId) {

        Audience capacityOf(long userId) {
            return userId == tutorId ? Audience.TUTOR : otherId == studentId ? Audience.STUDENT : Audience.PARENT;
        }

        long otherSideOf(long userId) {
            return userId == tutorId ? otherId : tutorId;
        }
    }

    @Transactional
    public Creation send(CurrentUser caller, MessageRequests.Send request, String idempotencyKey) {
        requirePerson(caller);
        String key = Idempotency.parseKey(idempotencyKey);
        MessageContent content = MessageContent.of(request.text(), request.fileIds(), request.fileKind());
        boolean urgent = Boolean.TRUE.equals(request.urgent());
        Pair pair = pairOf(caller, request.toUserId(), request.studentId());
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(caller.actorId(), key, Idempotency.fingerprint(
                "message", request.toUserId(), pair.studentId(), content.text(), String.join("\n", content.fileIds()),
                content.fileKind(), urgent));
        if (claim.isReplay()) {
            return new Creation(sent(claim.replayId()), true);
        }
        long id = deliver(pair, caller.id(), content, urgent, null);
        idempotencyKeys.complete(claim, id);
        return new Creation(sent(id), false);
    }

    /**
     * A Telegram "reply" the bot forwards: the message it answers, delivered to the caller in their chat, names the
     * conversation; the reply goes to the other side of it. The pair must still be allowed (a tutor unlinked since
     * cannot be answered).
     */
    @Transactional
    public Creation reply(CurrentUser caller, MessageRequests.Reply request, String idempotencyKey) {
        requirePerson(caller);
        String key = Idempotency.parseKey(idempotencyKey);
        MessageContent content = MessageContent.of(request.text(), request.fileIds(), request.fileKind());
        long replied = request.replyToTelegramMessageId();
        Conversations.Message answered = people.chatOf(caller.id())
                .flatMap(chat -> conversations.deliveredTo(caller.id(), chat, replied))
                .orElseThrow(() -> new NotFoundException("message", replied));
        Conversations.Conversation conversation = conversations.find(answered.conversationId())
                .orElseThrow(() -> new NotFoundException("message", replied));
        Pair pair = new Pair(conversation.tutorId(), conversation.otherId(), conversation.studentId());
        if (!stillAllowed(pair)) {
            throw new NotFoundException("message", replied);
        }
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(caller.actorId(), key, Idempotency.fingerprint(
                "reply", replied, content.text(), String.join("\n", content.fileIds()), content.fileKind()));
        if (claim.isReplay()) {
            return new Creation(sent(claim.replayId()), true);
        }
        long id = deliver(pair, caller.id(), content, false, answered.id());
        idempotencyKeys.complete(claim, id);
        return new Creation(sent(id), false);
    }

    @Transactional(readOnly = true)
    public PageResponse<MessageResponses.Conversation> conversations(CurrentUser caller, Integer page,
            Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        Conversations.Page<Conversations.Conversation> found = caller.seesEverything()
                ? conversations.all(paging) : conversations.of(caller.id(), paging);
        Map<Long, String> names = directory.fullNamesOf(found.items().stream()
                .flatMap(c -> Stream.of(c.tutorId(), c.otherId(), c.studentId())).collect(Collectors.toSet()));
        return PageResponse.of(found.items().stream().map(c -> new MessageResponses.Conversation(c.id(),
                c.tutorId(), names.get(c.tutorId()), c.otherId(), names.get(c.otherId()), c.studentId(),
                names.get(c.studentId()), c.lastMessageAt())).toList(), found.total(), paging.page(), paging.size());
    }

    /** The messages of a conversation the caller takes part in (an admin: any), newest first. */
    @Transactional(readOnly = true)
    public PageResponse<MessageResponses.Message> conversation(CurrentUser caller, long conversationId,
            Integer page, Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        Conversations.Conversation conversation = conversations.find(conversationId)
                .filter(c -> caller.seesEverything() || c.tutorId() == caller.id() || c.otherId() == caller.id())
                .orElseThrow(() -> new NotFoundException("conversation", conversationId));
        Conversations.Page<Conversations.Message> found = conversations.messages(conversation.id(), paging);
        return PageResponse.of(found.items().stream().map(Messages::view).toList(), found.total(), paging.page(),
                paging.size());
    }

    /** One conversation message, to its sender, its recipient or an admin. */
    @Transactional(readOnly = true)
    public MessageResponses.Message message(CurrentUser caller, long id) {
        return conversations.message(id)
                .filter(m -> caller.seesEverything() || m.senderId() == caller.id() || m.recipientId() == caller.id())
                .map(Messages::view).orElseThrow(() -> new NotFoundException("message", id));
    }

    private long deliver(Pair pair, long senderId, MessageContent content, boolean urgent, Long replyTo) {
        Instant now = clock.instant();
        long recipientId = pair.otherSideOf(senderId);
        long conversationId = conversations.open(pair.tutorId(), pair.otherId(), pair.studentId(), now);
        Person reader = people.person(recipientId);
        Map<Long, String> names = directory.fullNamesOf(List.of(senderId, pair.studentId()));
        String text = rendering.message(reader.language(), ConversationText.header(pair.capacityOf(senderId),
                pair.capacityOf(recipientId), nameOf(names, senderId), nameOf(names, pair.studentId())), content,
                ConversationText.replyHint());
        Instant notBefore = urgent ? now : reader.deliverAt(now, NoticeKind.MESSAGE);
        long id = queue.enqueue(NewMessage.to(recipientId, NoticeKind.MESSAGE, "message:" + UUID.randomUUID(), text)
                        .from(senderId).withFiles(content.fileIds(), content.fileKind())
                        .inConversation(conversationId, replyTo).notBefore(notBefore))
                .orElseThrow(() -> new IllegalStateException("a fresh message key was already queued"));
        conversations.keepSenderText(id, content.text());
        return id;
    }

    /** Resolves the pair of a new message, or answers 404 (400 when a parent must say which child). */
    private Pair pairOf(CurrentUser caller, long toUserId, Long studentId) {
        long me = caller.id();
        switch (caller.role()) {
            case TUTOR -> {
                if (toUserId != me && directory.isTutorOf(me, toUserId) && directory.isLiveStudent(toUserId)) {
                    if (studentId != null && studentId != toUserId) {
                        throw new NotFoundException("student", studentId);
                    }
                    return new Pair(me, toUserId, toUserId);
                }
                List<Long> shared = directory.isActive(toUserId) ? sharedStudents(me, toUserId) : List.of();
                return new Pair(me, toUserId, chooseStudent(shared, studentId, toUserId));
            }
            case STUDENT -> {
                if (!directory.isLiveStudent(me) || !directory.isTutorOf(toUserId, me)) {
                    throw new NotFoundException("user", toUserId);
                }
                if (studentId != null && studentId != me) {
                    throw new NotFoundException("student", studentId);
                }
                return new Pair(toUserId, me, me);
            }
            case PARENT -> {
                List<Long> shared = directory.isActive(toUserId) ? sharedStudents(toUserId, me) : List.of();
                return new Pair(toUserId, me, chooseStudent(shared, studentId, toUserId));
            }
            default -> throw new ForbiddenException("messages are between a tutor and a student or parent");
        }
    }

    /** The live students of {@code tutorId} whose parent is {@code parentId}. */
    private List<Long> sharedStudents(long tutorId, long parentId) {
        return directory.linkedLiveStudents(Role.PARENT, parentId).stream()
                .filter(s -> directory.isLinked(Role.TUTOR, tutorId, s)).toList();
    }

    private static long chooseStudent(List<Long> shared, Long studentId, long toUserId) {
        if (shared.isEmpty()) {
            throw new NotFoundException("user", toUserId);
        }
        if (studentId != null) {
            if (!shared.contains(studentId)) {
                throw new NotFoundException("student", studentId);
            }
            return studentId;
        }
        if (shared.size() > 1) {
            throw new InvalidFieldException("student_id", "required: the message could be about several students ("
                    + shared.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return shared.getFirst();
    }

    private boolean stillAllowed(Pair pair) {
        if (!directory.isLiveStudent(pair.studentId()) || !directory.isTutorOf(pair.tutorId(), pair.studentId())) {
            return false;
        }
        return pair.otherId() == pair.studentId()
                || directory.isActive(pair.otherId()) && directory.isLinked(Role.PARENT, pair.otherId(),
                        pair.studentId());
    }

    private static void requirePerson(CurrentUser caller) {
        if (caller.isService() || caller.is(Role.ADMIN)) {
            throw new ForbiddenException("messages are between a tutor and a student or parent");
        }
    }

    private MessageResponses.Sent sent(long id) {
        Conversations.Message message = conversations.message(id)
                .orElseThrow(() -> new NotFoundException("message", id));
        return new MessageResponses.Sent(message.id(), message.conversationId(), message.status(),
                message.createdAt());
    }

    private static MessageResponses.Message view(Conversations.Message m) {
        return new MessageResponses.Message(m.id(), m.conversationId(), m.senderId(), m.recipientId(), m.text(),
                m.fileIds(), m.fileKind(), m.status(), m.createdAt(), m.sentAt());
    }

    static String nameOf(Map<Long, String> names, long userId) {
        return names.getOrDefault(userId, "#" + userId);
    }
}
