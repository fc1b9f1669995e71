package ru.repitbot.homework.app;

import ru.repitbot.homework.api.HomeworkRequests;
import ru.repitbot.homework.api.HomeworkResponse;
import ru.repitbot.homework.api.SubmissionResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.homework.db.AttachmentStore;
import ru.repitbot.homework.db.HomeworkRepository;
import ru.repitbot.homework.db.HomeworkSearch;
import ru.repitbot.homework.db.LessonDirectory;
import ru.repitbot.homework.domain.AttachmentInfo;
import ru.repitbot.homework.domain.AttachmentKind;
import ru.repitbot.homework.domain.AttachmentPolicy;
import ru.repitbot.homework.domain.AttachmentPolicy.AcceptedFile;
import ru.repitbot.homework.domain.DeadlineInput;
import ru.repitbot.homework.domain.Homework;
import ru.repitbot.homework.domain.KnownLesson;
import ru.repitbot.homework.domain.TelegramDocument;
import ru.repitbot.homework.events.HomeworkEventPublisher;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.models.time.DateTimeInput;

/** The homework use cases (docs/domain/homework.md), each one transaction with its event. */
@Service
public class HomeworkService {

    /** How many photos one answer may collect over resubmissions. */
    static final int MAX_SUBMISSION_PHOTOS = 50;

    private final HomeworkRepository homework;
    private final HomeworkSearch search;
    private final LessonDirectory lessons;
    private final AttachmentStore attachments;
    private final StudentZones zones;
    private final StudentAccess access;
    private final HomeworkPolicy policy;
    private final AttachmentPolicy attachmentPolicy;
    private final HomeworkEventPublisher events;
    private final Clock clock;

    public HomeworkService(HomeworkRepository homework, HomeworkSearch search, LessonDirectory lessons,
            AttachmentStore attachments, StudentZones zones, StudentAccess access, HomeworkPolicy policy,
            AttachmentPolicy attachmentPolicy, HomeworkEventPublisher events, Clock clock) {
        this.homework = homework;
        this.search = search;
        this.lessons = lessons;
        this.attachments = attachments;
        this.zones = zones;
        this.access = access;
        this.policy = policy;
        this.attachmentPolicy = attachmentPolicy;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public HomeworkResponse create(CurrentUser caller, HomeworkRequests.Create request) {
        caller.require(Role.TUTOR, Role.ADMIN);
        KnownLesson lesson = lessons.findForShare(request.lessonId())
                .orElseThrow(() -> new NotFoundException("lesson", request.lessonId()));
        policy.requireLessonOf(caller, lesson);
        ZoneId zone = zones.of(lesson.studentId());
        Instant now = clock.instant();
        Instant deadline = DeadlineInput.parseFuture("deadline", request.deadline(), zone, now);
        Homework h = Homework.assign(lesson, text("description", request.description()), deadline,
                link(request.link()), fileIds(request.photoFileIds()), documents(request.documents()),
                caller.actorId(), now);
        homework.saveAndFlush(h);
        events.assigned(h, zone);
        return HomeworkResponse.of(h, lesson, List.of(), zone, now);
    }

    /**
     * Homework the caller may see; a filter naming a student, tutor or lesson the caller may not see is 404.
     * {@code deadlineFrom}/{@code deadlineTo} bound the deadline, both inclusive: a moment, or a date (from its first
     * moment, to its last) in the named student's zone, else the installation's.
     */
    @Transactional(readOnly = true)
    public PageResponse<HomeworkResponse> list(CurrentUser caller, Long studentId, Long tutorId, Long lessonId,
            HomeworkStatus status, Boolean overdue, String deadlineFrom, String deadlineTo, Integer page,
            Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        policy.requireListFilters(caller, studentId, tutorId, lessonId);
        ZoneId boundsZone = studentId != null ? zones.of(studentId) : zones.installationDefault();
        Instant from = deadlineFrom == null ? null : DateTimeInput.startOf("deadline_from", deadlineFrom, boundsZone);
        Instant to = deadlineTo == null ? null : DateTimeInput.endOf("deadline_to", deadlineTo, boundsZone);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("deadline_to", "must not be before deadline_from");
        }
        Instant now = clock.instant();
        List<Long> visible = caller.seesEverything() ? null : access.visibleStudents(caller);
        Long onlyTutor = caller.is(Role.TUTOR) ? caller.id() : null;
        HomeworkSearch.Page found = search.find(new HomeworkSearch.Query(onlyTutor, visible, studentId, tutorId,
                lessonId, status, overdue, from, to, now, paging.offset(), paging.size()));
        Map<Long, Homework> byId = new java.util.HashMap<>();
        homework.findAllById(found.ids()).forEach(h -> byId.put(h.id(), h));
        List<Homework> rows = found.ids().stream().map(byId::get).filter(Objects::nonNull).toList();
        return PageResponse.of(responses(rows, now), found.total(), paging.page(), paging.size());
    }

    @Transactional(readOnly = true)
    public HomeworkResponse get(CurrentUser caller, long id) {
        return response(policy.readable(caller, id));
    }

    @Transactional
    public HomeworkResponse update(CurrentUser caller, long id, HomeworkRequests.Update request) {
        Homework h = policy.tutorWritable(caller, id);
        ZoneId zone = zones.of(h.studentId());
        Instant now = clock.instant();
        String description = request.description() == null ? null : text("description", request.description());
        Instant deadline = request.deadline() == null ? null
                : DeadlineInput.parseFuture("deadline", request.deadline(), zone, now);
        boolean clearLink = request.link() != null && request.link().isBlank();
        h.edit(description, deadline, clearLink ? null : link(request.link()), clearLink,
                request.photoFileIds() == null ? null : fileIds(request.photoFileIds()),
                request.documents() == null ? null : documents(request.documents()), now);
        homework.saveAndFlush(h);
        return response(h);
    }

    /** Removes the homework with its files. No event: the catalogue has none, and nothing depends on it. */
    @Transactional
    public void delete(CurrentUser caller, long id) {
        Homework h = policy.tutorWritable(caller, id);
        homework.delete(h);
    }

    /**
     * The student hands in (docs/domain/homework.md#submission): text, photos, a Telegram document and/or uploaded files; at least one.
     * Order of answers: 403 (not a student), 404 (not theirs), 400 (empty or bad input), 409 (not pending),
     * 413/415 (a refused file).
     */
    @Transactional
    public HomeworkResponse submit(CurrentUser caller, long id, HomeworkRequests.Answer request,
            List<MultipartFile> files) {
        Homework h = policy.studentWritable(caller, id, "only the student hands in homework");
        String text = optional("text", request.text(), 4096);
        List<String> photos = request.photoFileIds() == null ? List.of() : fileIds(request.photoFileIds());
        if (photos.size() > 20) {
            throw new InvalidFieldException("photo_file_ids", "at most 20 photos at a time");
        }
        String document = optional("document_file_id", request.documentFileId(), 256);
        List<MultipartFile> uploads = realFiles(files);
        if (text == null && photos.isEmpty() && document == null && uploads.isEmpty()) {
            throw new InvalidFieldException("submission",
                    "needs text, photo_file_ids, document_file_id or an uploaded file");
        }
        if (h.submissionPhotoFileIds().size() + photos.size() > MAX_SUBMISSION_PHOTOS) {
            throw new InvalidFieldException("photo_file_ids", "an answer holds at most " + MAX_SUBMISSION_PHOTOS
                    + " photos; it has " + h.submissionPhotoFileIds().size());
        }
        Instant now = clock.instant();
        h.submit(text, photos, document, now);
        store(h, AttachmentKind.SUBMISSION, uploads, caller, now);
        homework.saveAndFlush(h);
        events.submitted(h, attachments.count(h.id(), AttachmentKind.SUBMISSION) > 0);
        return response(h);
    }

    /** The student's answer, for whoever may see the homework; 404 (saying so) while nothing is handed in. */
    @Transactional(readOnly = true)
    public SubmissionResponse submission(CurrentUser caller, long id) {
        Homework h = policy.readable(caller, id);
        if (!h.hasAnswer()) {
            throw new NotFoundException("answer to homework", id);
        }
        return SubmissionResponse.of(h, attachments.list(h.id()), zones.of(h.studentId()));
    }

    /**
     * The student withdraws an answer the tutor has not checked yet: text, photos, document and uploaded files
     * (their bytes too) are removed and the homework is pending again. Order of answers: 403 (not a student), 404
     * (not theirs), 409 (nothing handed in, or already accepted or returned). Emits {@code homework.withdrawn}.
     */
    @Transactional
    public HomeworkResponse withdraw(CurrentUser caller, long id) {
        Homework h = policy.studentWritable(caller, id, "only the student withdraws their answer");
        h.withdrawSubmission(clock.instant());
        attachments.deleteAll(h.id(), AttachmentKind.SUBMISSION);
        homework.saveAndFlush(h);
        events.withdrawn(h);
        return response(h);
    }

    @Transactional
    public HomeworkResponse accept(CurrentUser caller, long id, HomeworkRequests.Check request) {
        Homework h = policy.tutorWritable(caller, id);
        h.accept(optional("comment", request == null ? null : request.comment(), 2000), clock.instant());
        homework.saveAndFlush(h);
        events.checked(h, zones.of(h.studentId()));
        return response(h);
    }

    @Transactional
    public HomeworkResponse giveBack(CurrentUser caller, long id, HomeworkRequests.Check request) {
        Homework h = policy.tutorWritable(caller, id);
        h.returnForRework(optional("comment", request == null ? null : request.comment(), 2000), clock.instant());
        homework.saveAndFlush(h);
        events.checked(h, zones.of(h.studentId()));
        return response(h);
    }

    /** The tutor's files for the task. */
    @Transactional
    public List<HomeworkResponse.Attachment> addAttachments(CurrentUser caller, long id, List<MultipartFile> files) {
        Homework h = policy.tutorWritable(caller, id);
        List<MultipartFile> uploads = realFiles(files);
        if (uploads.isEmpty()) {
            throw new InvalidFieldException("file", "is required (multipart part 'file')");
        }
        Instant now = clock.instant();
        List<AttachmentInfo> saved = store(h, AttachmentKind.ASSIGNMENT, uploads, caller, now);
        h.edit(null, null, null, false, null, null, now);
        homework.saveAndFlush(h);
        ZoneId zone = zones.of(h.studentId());
        return saved.stream().map(a -> HomeworkResponse.Attachment.of(a, zone)).toList();
    }

    @Transactional(readOnly = true)
    public AttachmentStore.StoredFile download(CurrentUser caller, long id, long attachmentId) {
        Homework h = policy.readable(caller, id);
        return attachments.load(h.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    /** The tutor removes one of their files; the student's files are part of the answer and stay. */
    @Transactional
    public void deleteAttachment(CurrentUser caller, long id, long attachmentId) {
        Homework h = policy.tutorWritable(caller, id);
        AttachmentInfo a = attachments.find(h.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        if (a.kind() != AttachmentKind.ASSIGNMENT) {
            throw new ForbiddenException("files of the student's answer cannot be removed by the tutor");
        }
        attachments.delete(attachmentId);
        h.edit(null, null, null, false, null, null, clock.instant());
        homework.saveAndFlush(h);
    }

    private List<AttachmentInfo> store(Homework h, AttachmentKind kind, List<MultipartFile> uploads,
            CurrentUser caller, Instant now) {
        if (uploads.isEmpty()) {
            return List.of();
        }
        attachmentPolicy.checkCount(attachments.count(h.id(), kind), uploads.size());
        List<AttachmentInfo> saved = new ArrayList<>();
        for (MultipartFile file : uploads) {
            byte[] content = file.getSize() > attachmentPolicy.maxBytes() ? null : bytes(file);
            AcceptedFile accepted = attachmentPolicy.check(file.getOriginalFilename(), file.getSize(), content);
            saved.add(attachments.save(h.id(), kind, accepted, content, caller.actorId(), now));
        }
        return saved;
    }

    private HomeworkResponse response(Homework h) {
        return responses(List.of(h), clock.instant()).getFirst();
    }

    private List<HomeworkResponse> responses(List<Homework> rows, Instant now) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> lessonIds = new LinkedHashSet<>();
        Set<Long> studentIds = new LinkedHashSet<>();
        rows.forEach(h -> {
            ids.add(h.id());
            lessonIds.add(h.lessonId());
            studentIds.add(h.studentId());
        });
        Map<Long, KnownLesson> lessonsById = lessons.findAll(lessonIds);
        Map<Long, List<AttachmentInfo>> files = attachments.list(ids);
        Map<Long, ZoneId> zoneById = zones.of(studentIds);
        return rows.stream().map(h -> HomeworkResponse.of(h, lessonsById.get(h.lessonId()),
                files.getOrDefault(h.id(), List.of()), zoneById.get(h.studentId()), now)).toList();
    }

    private static List<MultipartFile> realFiles(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        // A form with an empty file input sends a part without a name and without content: not an upload.
        return files.stream().filter(f -> f != null && !(f.isEmpty()
                && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))).toList();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
    }

    /** A required text: stripped, not blank. */
    private static String text(String field, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return value;
    }

    /** An optional text: stripped, blank = absent, at most {@code max} characters. */
    private static String optional(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters");
        }
        return value;
    }

    private static List<String> fileIds(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String id = raw.get(i) == null ? "" : raw.get(i).strip();
            if (id.isEmpty() || id.length() > 256 || id.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidFieldException("photo_file_ids[" + i + "]", "must be a Telegram file id");
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * The task's Telegram documents: file ids stripped, without whitespace inside; names stripped (blank = none),
     * without control characters. A bad one is a 400 naming {@code documents[i].file_id} or {@code …file_name}.
     */
    private static List<TelegramDocument> documents(List<HomeworkRequests.TaskDocument> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > HomeworkRequests.MAX_DOCUMENTS) {
            throw new InvalidFieldException("documents", "at most " + HomeworkRequests.MAX_DOCUMENTS
                    + " documents");
        }
        List<TelegramDocument> documents = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            HomeworkRequests.TaskDocument document = raw.get(i);
            if (document == null) {
                throw new InvalidFieldException("documents[" + i + "]", "must be {file_id, file_name?}");
            }
            String id = document.fileId() == null ? "" : document.fileId().strip();
            if (id.isEmpty() || id.length() > HomeworkRequests.MAX_FILE_ID
                    || id.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidFieldException("documents[" + i + "].file_id", "must be a Telegram file id");
            }
            String name = document.fileName() == null || document.fileName().isBlank() ? null
                    : document.fileName().strip();
            if (name != null && (name.length() > HomeworkRequests.MAX_FILE_NAME
                    || name.chars().anyMatch(Character::isISOControl))) {
                throw new InvalidFieldException("documents[" + i + "].file_name", "must be a file name of at most "
                        + HomeworkRequests.MAX_FILE_NAME + " characters");
            }
            documents.add(new TelegramDocument(id, name));
        }
        return documents;
    }

    /** An optional http(s) link; {@code null} or blank = none. */
    private static String link(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && value.length() <= 2048) {
                return value;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new InvalidFieldException("link", HomeworkRequests.URL_REASON);
    }
}
