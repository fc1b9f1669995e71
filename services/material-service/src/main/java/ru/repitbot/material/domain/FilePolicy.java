package ru.repitbot.material.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import ru.repitbot.material.domain.FileRejectedException.Reason;

/**
 * Which uploaded files a material accepts (docs/domain/materials.md#files: {@code MAX_FILE_SIZE_MB}, {@code MATERIAL_FILE_TYPES}): not
 * empty, not larger than the limit, an allowed extension, and content that really is of that type (a renamed
 * {@code .exe} is not a PDF). The stored content type comes from the checked type, never from the client.
 */
public final class FilePolicy {

    /** Longest stored file name; longer names are cut, keeping the extension. */
    public static final int MAX_NAME_LENGTH = 200;

    private final long maxBytes;
    private final Set<String> allowedExtensions;
    private final int maxFilesPerMaterial;

    /**
     * @param maxBytes largest accepted file
     * @param allowedExtensions e.g. {@code jpg, jpeg, png, pdf, doc, docx}; each must be a known
     *     {@link FileType}
     * @param maxFilesPerMaterial how many uploaded files one material may hold
     */
    public FilePolicy(long maxBytes, Collection<String> allowedExtensions, int maxFilesPerMaterial) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the file size limit must be positive");
        }
        if (maxFilesPerMaterial < 1) {
            throw new IllegalArgumentException("the file count limit must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxFilesPerMaterial = maxFilesPerMaterial;
        this.allowedExtensions = allowedExtensions.stream().map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).map(e -> e.startsWith(".") ? e.substring(1) : e)
                .collect(Collectors.toUnmodifiableSet());
        for (String e : this.allowedExtensions) {
            if (FileType.forExtension(e).isEmpty()) {
                throw new IllegalArgumentException("unsupported file type '" + e + "'; known: "
                        + EnumSet.allOf(FileType.class).stream().flatMap(t -> t.extensions().stream())
                                .toList());
            }
        }
        if (this.allowedExtensions.isEmpty()) {
            throw new IllegalArgumentException("at least one file type must be allowed");
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxFilesPerMaterial() {
        return maxFilesPerMaterial;
    }

    public List<String> allowedExtensions() {
        return allowedExtensions.stream().sorted().toList();
    }

    /**
     * Checks one upload.
     *
     * @param originalName the name the client gave (may carry a path or be {@code null})
     * @param declaredSize the size the client declared, checked before the bytes are read
     * @param content the file's bytes
     * @throws FileRejectedException when refused
     */
    public AcceptedFile check(String originalName, long declaredSize, byte[] content) {
        String name = cleanName(originalName);
        long size = Math.max(declaredSize, content == null ? 0 : content.length);
        if (size > maxBytes) {
            throw new FileRejectedException(Reason.TOO_LARGE, name, "File '" + name + "' is " + size
                    + " bytes; the limit is " + maxBytes + " bytes (" + (maxBytes / (1024 * 1024)) + " MB)");
        }
        if (content == null || content.length == 0) {
            throw new FileRejectedException(Reason.EMPTY, name, "File '" + name + "' is empty");
        }
        String extension = extension(name);
        if (extension == null || !allowedExtensions.contains(extension)) {
            throw new FileRejectedException(Reason.UNSUPPORTED_TYPE, name, "File '" + name
                    + "' is not of an allowed type; allowed: " + String.join(", ", allowedExtensions()));
        }
        FileType type = FileType.forExtension(extension).orElseThrow();
        if (!type.matches(content)) {
            throw new FileRejectedException(Reason.UNSUPPORTED_TYPE, name, "File '" + name
                    + "' is named ." + extension + " but its content is not " + extension.toUpperCase(Locale.ROOT));
        }
        return new AcceptedFile(name, type, content.length, sha256(content));
    }

    /** @throws FileRejectedException when {@code existing + adding} files would exceed the per-material limit */
    public void checkCount(int existing, int adding) {
        if (existing + adding > maxFilesPerMaterial) {
            throw new FileRejectedException(Reason.TOO_MANY, null, "A material holds at most "
                    + maxFilesPerMaterial + " uploaded files; it has " + existing);
        }
    }

    /** The last path segment without control characters, at most {@link #MAX_NAME_LENGTH} long. */
    public static String cleanName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            String extension = extension(name);
            String suffix = extension == null || extension.length() > 10 ? "" : "." + extension;
            name = name.substring(0, MAX_NAME_LENGTH - suffix.length()) + suffix;
        }
        return name;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A file that passed: its clean name, checked type, size and SHA-256 (hex). */
    public record AcceptedFile(String fileName, FileType type, long size, String sha256) {
    }
}
