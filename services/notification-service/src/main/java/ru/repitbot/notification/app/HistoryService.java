package ru.repitbot.notification.app;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.notification.api.HistoryItem;
import ru.repitbot.notification.api.UnreachableList;
import ru.repitbot.notification.db.History;

/**
 * What was sent to whom and who cannot be reached. A person sees their own history; a tutor that of their students
 * and of their students' parents, and who of them is unreachable; an admin or a service everyone's.
 * docs/domain/notifications.md#sending-through-telegram
 */
@Service
public class HistoryService {

    private final History history;
    private final AccessDirectory directory;

    public HistoryService(History history, AccessDirectory directory) {
        this.history = history;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public PageResponse<HistoryItem> history(CurrentUser caller, Long userId, PageQuery page) {
        long whose = whose(caller, userId);
        long total = history.countTo(whose);
        List<HistoryItem> items = history.to(whose, page.offset(), page.size()).stream()
                .map(s -> new HistoryItem(s.id(), s.kind(), s.recipientId(), s.senderId(), s.status(), s.text(),
                        s.fileIds(), s.fileKind(), at(s.createdAt()), at(s.sentAt()), at(s.finishedAt()),
                        s.lastError(), s.conversationId(), s.broadcastId()))
                .toList();
        return PageResponse.of(items, total, page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public UnreachableList unreachable(CurrentUser caller) {
        List<History.Unreachable> marked;
        Map<Long, List<Long>> studentsOf = new java.util.HashMap<>();
        if (caller.seesEverything()) {
            marked = history.unreachable(null);
        } else if (caller.is(Role.TUTOR)) {
            List<Long> students = directory.linkedLiveStudents(Role.TUTOR, caller.id());
            students.forEach(s -> studentsOf.computeIfAbsent(s, k -> new ArrayList<>()).add(s));
            directory.parentsOf(students).forEach((student, parents) -> parents.forEach(
                    p -> studentsOf.computeIfAbsent(p, k -> new ArrayList<>()).add(student)));
            marked = history.unreachable(studentsOf.keySet());
        } else {
            throw new ForbiddenException("the unreachable list is for tutors and admins");
        }
        Set<Long> ids = new HashSet<>();
        marked.forEach(m -> ids.add(m.userId()));
        Map<Long, String> names = directory.fullNamesOf(ids);
        Map<Long, Role> roles = directory.rolesOf(ids);
        if (caller.seesEverything()) {
            for (Long id : ids) {
                Role role = roles.get(id);
                if (role == Role.STUDENT) {
                    studentsOf.put(id, List.of(id));
                } else if (role == Role.PARENT) {
                    studentsOf.put(id, directory.linkedLiveStudents(Role.PARENT, id));
                }
            }
        }
        List<UnreachableList.Person> items = marked.stream().map(m -> new UnreachableList.Person(m.userId(),
                names.get(m.userId()), roles.containsKey(m.userId()) ? roles.get(m.userId()).value() : null,
                studentsOf.getOrDefault(m.userId(), List.of()).stream().distinct().sorted().toList(), m.reason(),
                m.description(), at(m.detectedAt()))).toList();
        return new UnreachableList(items);
    }

    private long whose(CurrentUser caller, Long userId) {
        if (userId == null) {
            if (caller.isService()) {
                throw new InvalidFieldException("user_id", "is required with a service token");
            }
            return caller.id();
        }
        if (!caller.isService() && userId == caller.id()) {
            return userId;
        }
        if (caller.seesEverything()) {
            if (!directory.isActive(userId)) {
                throw new NotFoundException("user", userId);
            }
            return userId;
        }
        if (caller.is(Role.TUTOR) && (directory.isTutorOf(caller.id(), userId) || directory.isLinkedTutorOfAny(
                caller.id(), directory.linkedLiveStudents(Role.PARENT, userId)))) {
            return userId;
        }
        throw new NotFoundException("user", userId);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
