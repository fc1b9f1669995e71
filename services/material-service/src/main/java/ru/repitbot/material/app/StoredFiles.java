package ru.repitbot.material.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.repitbot.material.domain.FileStore;
import ru.repitbot.material.domain.MaterialFile;

/**
 * The {@link FileStore} kept in step with the database: bytes are written before the row that names them, and
 * removed again when that transaction rolls back; bytes of deleted rows are removed only after the delete commits.
 * A crash between the two can leave bytes no row names (never a row without bytes after a commit).
 */
@Component
public class StoredFiles {

    private static final Logger log = LoggerFactory.getLogger(StoredFiles.class);

    private final FileStore store;

    public StoredFiles(FileStore store) {
        this.store = store;
    }

    /** Writes the bytes under a new key of the material; they are removed if the transaction does not commit. */
    public String write(long materialId, byte[] content) {
        String key = materialId + "/" + UUID.randomUUID();
        try {
            store.put(key, content);
        } catch (IOException e) {
            throw new UncheckedIOException("the file could not be stored", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    remove(key);
                }
            }
        });
        return key;
    }

    public InputStream open(MaterialFile file) {
        try {
            return store.open(file.storageKey()).orElseThrow(() -> new IllegalStateException(
                    "the bytes of file " + file.id() + " are missing from the file store"));
        } catch (IOException e) {
            throw new UncheckedIOException("the file could not be read", e);
        }
    }

    /** Removes the files' bytes once the current transaction has committed. */
    public void removeAfterCommit(List<MaterialFile> files) {
        if (files.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.forEach(f -> remove(f.storageKey()));
            }
        });
    }

    private void remove(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("could not remove stored file {}: {}", key, e.toString());
        }
    }
}
