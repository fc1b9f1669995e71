package ru.repitbot.material.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import ru.repitbot.material.domain.FileStore;

/**
 * A {@link FileStore} in a directory ({@code repitbot.materials.storage-dir}, default {@code
 * /var/lib/repitbot/materials}): one file per key, written to a temporary name and moved into place, so a reader
 * never sees half a file. Keys are this service's own ({@code <material>/<uuid>}); anything else is refused, so a key
 * can never leave the directory.
 */
public class DiskFileStore implements FileStore {

    private static final Pattern KEY = Pattern.compile("[0-9]{1,19}/[0-9a-f-]{36}");

    private final Path root;

    public DiskFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Path target = path(key);
        Files.deleteIfExists(target);
        try {
            Files.deleteIfExists(target.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // other files of the material are still there
        }
    }

    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key of this service");
        }
        return root.resolve(key);
    }
}
