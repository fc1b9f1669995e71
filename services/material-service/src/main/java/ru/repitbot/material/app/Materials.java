package ru.repitbot.material.app;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.material.api.MaterialRequests;
import ru.repitbot.material.api.MaterialResponse;
import ru.repitbot.material.client.OwnerLookup;
import ru.repitbot.material.db.MaterialAttachments;
import ru.repitbot.material.db.MaterialFiles;
import ru.repitbot.material.db.MaterialRows;
import ru.repitbot.material.domain.Material;
import ru.repitbot.material.domain.MaterialAccess;
import ru.repitbot.material.domain.MaterialAttachment;
import ru.repitbot.material.domain.MaterialDraft;
import ru.repitbot.material.domain.MaterialFile;
import ru.repitbot.material.events.MaterialEventPublisher;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;

/**
 * The library's use cases (docs/domain/materials.md): a tutor creates, replaces and deletes their own materials, an
 * admin publishes to every tutor; everyone searches what they may see. Each change publishes its event through the
 * outbox in the same transaction.
 */
@Service
@Transactional
public class Materials {

    /** Longest search text: a few words are a search, a page of text is not. */
    static final int MAX_WORDS = 200;

    private final MaterialRows rows;
    private final MaterialFiles files;
    private final MaterialAttachments attachments;
    private final Callers callers;
    private final OwnerLookup owners;
    private final StoredFiles stored;
    private final MaterialEventPublisher events;
    private final Clock clock;

    public Materials(MaterialRows rows, MaterialFiles files, MaterialAttachments attachments, Callers callers,
            OwnerLookup owners, StoredFiles stored, MaterialEventPublisher events, Clock clock) {
        this.rows = rows;
        this.files = files;
        this.attachments = attachments;
        this.callers = callers;
        this.owners = owners;
        this.stored = stored;
        this.events = events;
        this.clock = clock;
    }

    /** A tutor's material is theirs; an admin's (or a service's) is published to every tutor. */
    public MaterialResponse create(CurrentUser caller, MaterialRequests.Write request) {
        caller.require(Role.TUTOR, Role.ADMIN);
        Long owner = caller.is(Role.TUTOR) && !caller.isService() ? caller.id() : null;
        Material m = rows.insert(owner, draft(request), caller.actorId(), clock.instant());
        events.created(m);
        return response(m, List.of());
    }

    public MaterialResponse replace(CurrentUser caller, long id, MaterialRequests.Write request) {
        caller.require(Role.TUTOR, Role.ADMIN);
        MaterialDraft draft = draft(request);
        Material before = changeable(caller, id, true);
        Material after = rows.update(before.id(), draft, clock.instant());
        events.updated(after);
        return response(after, files.of(id));
    }

    public void delete(CurrentUser caller, long id) {
        caller.require(Role.TUTOR, Role.ADMIN);
        Material m = changeable(caller, id, true);
        List<MaterialFile> gone = files.of(id);
        rows.delete(id);
        events.deleted(m);
        stored.removeAfterCommit(gone);
    }

    @Transactional(readOnly = true)
    public MaterialResponse get(CurrentUser caller, long id) {
        Material m = visible(caller, id);
        return response(m, files.of(id));
    }

    /**
     * @param words words of the title, description, subject or tags (PostgreSQL {@code websearch_to_tsquery} with
     *     the Russian configuration: word forms match, «дроби» finds «Дробь»); {@code null}: any
     * @param lessonId only materials attached to this lesson (404 when the caller may not see it)
     * @param homeworkId only materials attached to this homework (404 when the caller may not see it)
     */
    @Transactional(readOnly = true)
    public PageResponse<MaterialResponse> search(CurrentUser caller, String words, Integer grade, String subject,
            Long lessonId, Long homeworkId, PageQuery page) {
        if (grade != null && (grade < MaterialDraft.MIN_GRADE || grade > MaterialDraft.MAX_GRADE)) {
            throw new InvalidFieldException("grade", "must be from 1 to 11");
        }
        if (words != null && words.length() > MAX_WORDS) {
            throw new InvalidFieldException("q", "must be at most " + MAX_WORDS + " characters");
        }
        MaterialAccess access = callers.access(caller);
        if (lessonId != null) {
            requireVisibleOwner(access, owners.lesson(lessonId), "lesson", lessonId);
        }
        if (homeworkId != null) {
            requireVisibleOwner(access, owners.homework(homeworkId), "homework", homeworkId);
        }
        MaterialRows.Page found = rows.search(access, new MaterialRows.Filter(blankToNull(words),
                grade, blankToNull(subject), lessonId, homeworkId), page.size(), page.offset());
        Map<Long, List<MaterialFile>> filesOf = files.of(found.items().stream().map(Material::id).toList());
        List<MaterialResponse> items = found.items().stream()
                .map(m -> response(m, filesOf.getOrDefault(m.id(), List.of()))).toList();
        return PageResponse.of(items, found.total(), page.page(), page.size());
    }

    // ---- attachments to lessons and homework ----

    /**
     * The tutor of the lesson or homework (or an admin) attaches a material they may see — their own or a published
     * one. Attaching again answers the first attachment ({@code created} false).
     */
    public AttachResult attach(CurrentUser caller, long id, MaterialRequests.Attach request) {
        caller.require(Role.TUTOR, Role.ADMIN);
        // The material first: a path naming what the caller may not see is a 404 whatever the body says.
        MaterialAccess access = callers.access(caller);
        Material m = rows.find(id).filter(x -> access.sees(x.tutorId(), List.of()))
                .orElseThrow(() -> new NotFoundException("material", id));
        if ((request.lessonId() == null) == (request.homeworkId() == null)) {
            throw new InvalidFieldException(request.lessonId() == null ? "lesson_id" : "homework_id",
                    "give exactly one of lesson_id and homework_id");
        }
        boolean lesson = request.lessonId() != null;
        long targetId = lesson ? request.lessonId() : request.homeworkId();
        OwnerLookup.Owners owner = (lesson ? owners.lesson(targetId) : owners.homework(targetId))
                .filter(o -> access.everything() || o.tutorId() == caller.id())
                .orElseThrow(() -> new NotFoundException(lesson ? "lesson" : "homework", targetId));
        boolean existed = attachments.existing(m.id(), request.lessonId(), request.homeworkId()).isPresent();
        MaterialAttachment a = attachments.attach(m.id(), request.lessonId(), request.homeworkId(), owner.tutorId(),
                owner.studentId(), caller.actorId(), clock.instant());
        return new AttachResult(attachment(a), !existed);
    }

    /** The attachment and whether this call made it. */
    public record AttachResult(MaterialResponse.Attachment attachment, boolean created) {
    }

    /** The attachments of a material the caller sees: all for admins, a tutor's own lessons', a family's own. */
    @Transactional(readOnly = true)
    public List<MaterialResponse.Attachment> attachments(CurrentUser caller, long id) {
        MaterialAccess access = callers.access(caller);
        visible(access, id);
        return attachments.of(id).stream().filter(a -> access.everything()
                || (access.tutorId() != null ? access.tutorId().equals(a.tutorId())
                        : access.familyStudents().contains(a.studentId())))
                .map(Materials::attachment).toList();
    }

    /** The tutor who attached it to their lesson or homework (or an admin) takes it off again. */
    public void detach(CurrentUser caller, long id, long attachmentId) {
        caller.require(Role.TUTOR, Role.ADMIN);
        MaterialAccess access = callers.access(caller);
        visible(access, id);
        MaterialAttachment a = attachments.find(id, attachmentId)
                .filter(x -> access.everything() || Long.valueOf(x.tutorId()).equals(access.tutorId()))
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        attachments.delete(a.id());
    }

    // ---- shared with the file use cases ----

    /** The material if the caller may see it, else 404. */
    Material visible(CurrentUser caller, long id) {
        return visible(callers.access(caller), id);
    }

    Material visible(MaterialAccess access, long id) {
        return rows.find(id).filter(m -> access.sees(m.tutorId(), access.everything() || access.tutorId() != null
                ? List.of() : attachments.of(id).stream().map(MaterialAttachment::studentId).toList()))
                .orElseThrow(() -> new NotFoundException("material", id));
    }

    /**
     * The material, locked, if the caller may change it: 404 when they may not see it, 403 when they see it but it
     * is not theirs (a published one, for a tutor).
     */
    Material changeable(CurrentUser caller, long id, boolean lock) {
        MaterialAccess access = callers.access(caller);
        Material m = (lock ? rows.lock(id) : rows.find(id)).filter(x -> access.sees(x.tutorId(), List.of()))
                .orElseThrow(() -> new NotFoundException("material", id));
        if (!access.changes(m.tutorId())) {
            throw new ForbiddenException("material " + id + " is published by an admin; only admins change it");
        }
        return m;
    }

    static MaterialResponse response(Material m, List<MaterialFile> files) {
        return new MaterialResponse(m.id(), m.tutorId(), m.title(), m.description(), m.grade(), m.subject(),
                m.tags(), m.links(), files.stream().map(Materials::file).toList(),
                m.createdAt().atOffset(ZoneOffset.UTC), m.updatedAt().atOffset(ZoneOffset.UTC), m.version());
    }

    static MaterialResponse.FileInfo file(MaterialFile f) {
        return new MaterialResponse.FileInfo(f.id(), f.fileName(), f.contentType(), f.sizeBytes(), f.sha256(),
                f.telegramFileId(), "/api/v1/materials/" + f.materialId() + "/files/" + f.id(),
                f.createdAt().atOffset(ZoneOffset.UTC));
    }

    private static MaterialResponse.Attachment attachment(MaterialAttachment a) {
        return new MaterialResponse.Attachment(a.id(), a.materialId(), a.lessonId(), a.homeworkId(), a.tutorId(),
                a.studentId(), a.createdAt().atOffset(ZoneOffset.UTC));
    }

    private static void requireVisibleOwner(MaterialAccess access, java.util.Optional<OwnerLookup.Owners> owner,
            String what, long id) {
        boolean sees = owner.map(o -> access.everything()
                || (access.tutorId() != null ? access.tutorId().equals(o.tutorId())
                        : access.familyStudents().contains(o.studentId()))).orElse(false);
        if (!sees) {
            throw new NotFoundException(what, id);
        }
    }

    private static MaterialDraft draft(MaterialRequests.Write r) {
        return new MaterialDraft(r.title(), r.description(), r.grade(), r.subject(), r.tags(), r.links());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
