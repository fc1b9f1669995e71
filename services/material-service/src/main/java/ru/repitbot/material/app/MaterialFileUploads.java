package ru.repitbot.material.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.material.api.MaterialResponse;
import ru.repitbot.material.db.MaterialFiles;
import ru.repitbot.material.domain.FilePolicy;
import ru.repitbot.material.domain.Material;
import ru.repitbot.material.domain.MaterialFile;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;

/**
 * A material's uploaded files (docs/domain/materials.md#files): uploaded and removed by whoever may change the
 * material, checked by {@link FilePolicy} (size, allowed type by name and content, count), downloaded by whoever may
 * see it; the bot records Telegram's {@code file_id} after the first send.
 */
@Service
@Transactional
public class MaterialFileUploads {

    private final Materials materials;
    private final MaterialFiles files;
    private final StoredFiles stored;
    private final FilePolicy policy;
    private final java.time.Clock clock;

    public MaterialFileUploads(Materials materials, MaterialFiles files, StoredFiles stored, FilePolicy policy,
            java.time.Clock clock) {
        this.materials = materials;
        this.files = files;
        this.stored = stored;
        this.policy = policy;
        this.clock = clock;
    }

    public List<MaterialResponse.FileInfo> upload(CurrentUser caller, long materialId, List<MultipartFile> uploads) {
        caller.require(Role.TUTOR, Role.ADMIN);
        Material m = materials.changeable(caller, materialId, true);
        if (uploads == null || uploads.isEmpty()) {
            throw new InvalidFieldException("file", "at least one file part named 'file' is needed");
        }
        policy.checkCount(files.count(m.id()), uploads.size());
        List<MaterialResponse.FileInfo> result = new ArrayList<>();
        for (MultipartFile upload : uploads) {
            byte[] content = bytes(upload);
            FilePolicy.AcceptedFile accepted = policy.check(upload.getOriginalFilename(), upload.getSize(), content);
            String key = stored.write(m.id(), content);
            result.add(Materials.file(files.insert(m.id(), accepted, key, caller.actorId(), clock.instant())));
        }
        return result;
    }

    /** The file and its bytes, for whoever may see the material. */
    @Transactional(readOnly = true)
    public Download download(CurrentUser caller, long materialId, long fileId) {
        Material m = materials.visible(caller, materialId);
        MaterialFile f = files.find(m.id(), fileId).orElseThrow(() -> new NotFoundException("file", fileId));
        try (InputStream in = stored.open(f)) {
            return new Download(f, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("the file could not be read", e);
        }
    }

    /** A file's metadata and bytes. */
    public record Download(MaterialFile file, byte[] content) {
    }

    public void delete(CurrentUser caller, long materialId, long fileId) {
        caller.require(Role.TUTOR, Role.ADMIN);
        Material m = materials.changeable(caller, materialId, true);
        MaterialFile f = files.find(m.id(), fileId).orElseThrow(() -> new NotFoundException("file", fileId));
        files.delete(f.id());
        stored.removeAfterCommit(List.of(f));
    }

    /**
     * The bot (a service token) or a tutor or admin who sees the material records the {@code file_id} Telegram gave
     * the file, so later sends go by id instead of uploading the bytes again. Students and parents: 403.
     */
    public MaterialResponse.FileInfo rememberTelegramFileId(CurrentUser caller, long materialId, long fileId,
            String telegramFileId) {
        caller.require(Role.TUTOR, Role.ADMIN);
        Material m = materials.visible(caller, materialId);
        MaterialFile f = files.find(m.id(), fileId).orElseThrow(() -> new NotFoundException("file", fileId));
        return Materials.file(files.rememberTelegramFileId(f, telegramFileId.strip()));
    }

    private static byte[] bytes(MultipartFile upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }
}
