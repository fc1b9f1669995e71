package ru.repitbot.homework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.repitbot.homework.domain.AttachmentPolicy.AcceptedFile;
import ru.repitbot.homework.domain.AttachmentRejectedException.Reason;

class AttachmentPolicyTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] DOC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1, 0, 0};
    static final byte[] DOCX = concat(new byte[] {'P', 'K', 3, 4, 20, 0},
            "[Content_Types].xml....word/document.xml".getBytes(StandardCharsets.US_ASCII));
    static final byte[] PLAIN_ZIP = concat(new byte[] {'P', 'K', 3, 4, 20, 0},
            "notes.txt hello".getBytes(StandardCharsets.US_ASCII));
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    private final AttachmentPolicy policy = new AttachmentPolicy(1024, List.of("jpg", "jpeg", "png", "pdf", "doc",
            "docx"), 3);

    @Test
    void acceptsEachAllowedTypeWhenNameAndContentAgree() {
        assertThat(policy.check("task.pdf", PDF.length, PDF).type()).isEqualTo(AttachmentType.PDF);
        assertThat(policy.check("photo.PNG", PNG.length, PNG).type()).isEqualTo(AttachmentType.PNG);
        assertThat(policy.check("photo.jpg", JPEG.length, JPEG).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(policy.check("photo.jpeg", JPEG.length, JPEG).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(policy.check("essay.doc", DOC.length, DOC).type()).isEqualTo(AttachmentType.DOC);
        assertThat(policy.check("essay.docx", DOCX.length, DOCX).type()).isEqualTo(AttachmentType.DOCX);
    }

    @Test
    void theStoredContentTypeComesFromTheCheckedTypeAndTheHashFromTheBytes() {
        AcceptedFile file = policy.check("Решение.pdf", PDF.length, PDF);
        assertThat(file.type().contentType()).isEqualTo("application/pdf");
        assertThat(file.fileName()).isEqualTo("Решение.pdf");
        assertThat(file.size()).isEqualTo(PDF.length);
        assertThat(file.sha256()).hasSize(64).isEqualTo(
                java.util.HexFormat.of().formatHex(sha256(PDF)));
    }

    @Test
    void exactlyTheLimitIsAcceptedOneByteMoreIsTooLarge() {
        byte[] atLimit = Arrays.copyOf(PDF, 1024);
        assertThat(policy.check("big.pdf", atLimit.length, atLimit).size()).isEqualTo(1024);
        byte[] over = Arrays.copyOf(PDF, 1025);
        assertRejected(() -> policy.check("big.pdf", over.length, over), Reason.TOO_LARGE);
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeTheBytesAreRead() {
        assertRejected(() -> policy.check("huge.pdf", 50L * 1024 * 1024, null), Reason.TOO_LARGE);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertRejected(() -> policy.check("empty.pdf", 0, new byte[0]), Reason.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"virus.exe", "archive.zip", "picture.gif", "noextension", "trailingdot.", "script.pdf.exe"})
    void extensionsOutsideTheAllowListAreRefused(String name) {
        assertRejected(() -> policy.check(name, PDF.length, PDF), Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void contentThatDoesNotMatchItsExtensionIsRefused() {
        assertRejected(() -> policy.check("fake.pdf", PNG.length, PNG), Reason.UNSUPPORTED_TYPE);
        assertRejected(() -> policy.check("fake.png", PDF.length, PDF), Reason.UNSUPPORTED_TYPE);
        assertRejected(() -> policy.check("renamed.pdf", EXE.length, EXE), Reason.UNSUPPORTED_TYPE);
        assertRejected(() -> policy.check("renamed.jpg", EXE.length, EXE), Reason.UNSUPPORTED_TYPE);
        assertRejected(() -> policy.check("old.doc", DOCX.length, DOCX), Reason.UNSUPPORTED_TYPE);
        assertRejected(() -> policy.check("any.zip.docx", PLAIN_ZIP.length, PLAIN_ZIP), Reason.UNSUPPORTED_TYPE);
        assertRejected(() -> policy.check("short.png", 2, new byte[] {(byte) 0x89, 'P'}), Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void aNarrowerAllowListRefusesTheOthers() {
        AttachmentPolicy pdfOnly = new AttachmentPolicy(1024, List.of(" PDF "), 3);
        assertThat(pdfOnly.check("a.pdf", PDF.length, PDF).type()).isEqualTo(AttachmentType.PDF);
        assertRejected(() -> pdfOnly.check("a.png", PNG.length, PNG), Reason.UNSUPPORTED_TYPE);
        assertThat(pdfOnly.allowedExtensions()).containsExactly("pdf");
    }

    @Test
    void aTypeTheServiceCannotRecogniseCannotBeConfigured() {
        assertThatThrownBy(() -> new AttachmentPolicy(1024, List.of("pdf", "gif"), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gif");
        assertThatThrownBy(() -> new AttachmentPolicy(1024, List.of(), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesLoseTheirPathAndControlCharacters() {
        assertThat(AttachmentPolicy.cleanName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(AttachmentPolicy.cleanName("C:\\Users\\ученик\\ДЗ 1.pdf")).isEqualTo("ДЗ 1.pdf");
        assertThat(AttachmentPolicy.cleanName("a\r\nb\".pdf")).isEqualTo("ab.pdf");
        assertThat(AttachmentPolicy.cleanName(null)).isEqualTo("file");
        assertThat(AttachmentPolicy.cleanName("..")).isEqualTo("file");
        String longName = "x".repeat(500) + ".docx";
        assertThat(AttachmentPolicy.cleanName(longName)).hasSize(AttachmentPolicy.MAX_NAME_LENGTH).endsWith(".docx");
    }

    @Test
    void aHomeworkHoldsALimitedNumberOfFiles() {
        policy.checkCount(0, 3);
        policy.checkCount(2, 1);
        assertRejected(() -> policy.checkCount(3, 1), Reason.TOO_MANY);
        assertRejected(() -> policy.checkCount(0, 4), Reason.TOO_MANY);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AttachmentRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
