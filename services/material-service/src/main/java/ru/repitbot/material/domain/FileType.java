package ru.repitbot.material.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types a material may carry (docs/domain/materials.md#files; the same recognisers as homework-service) and how each one's content begins.
 * A file is accepted only when its name's extension and its first bytes name the same type.
 */
public enum FileType {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "png"),
    PDF("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII), "pdf"),
    /** Word 97–2003: an OLE2 compound document. */
    DOC("application/msword",
            new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
            "doc"),
    /** Word 2007+: a ZIP package that contains {@code word/} parts. */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            new byte[] {'P', 'K', 0x03, 0x04}, "docx");

    private static final byte[] WORD_PART = "word/".getBytes(StandardCharsets.US_ASCII);

    private final String contentType;
    private final byte[] magic;
    private final String[] extensions;

    FileType(String contentType, byte[] magic, String... extensions) {
        this.contentType = contentType;
        this.magic = magic;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    public java.util.List<String> extensions() {
        return java.util.List.of(extensions);
    }

    /** The type an extension ({@code pdf}, {@code JPG}) names, if any. */
    public static Optional<FileType> forExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String e = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions().contains(e)).findFirst();
    }

    /** Whether {@code content} starts like a file of this type. */
    public boolean matches(byte[] content) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        if (!Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
            return false;
        }
        // Every Office Open XML file, and any ZIP, starts with PK: a .docx must also hold Word parts.
        return this != DOCX || contains(content, WORD_PART);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
