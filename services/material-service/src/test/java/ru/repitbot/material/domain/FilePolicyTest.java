package ru.repitbot.material.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilePolicyTest {

    private final FilePolicy policy = new FilePolicy(100, List.of("pdf", "png"), 2);

    @Test
    void acceptsAnAllowedTypeWhoseContentMatchesItsName() {
        FilePolicy.AcceptedFile f = policy.check("dir/Конспект.PDF", 9, "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(f.fileName()).isEqualTo("Конспект.PDF");
        assertThat(f.type()).isEqualTo(FileType.PDF);
        assertThat(f.sha256()).hasSize(64);
    }

    @Test
    void refusesTooLargeOtherTypesMismatchedContentEmptyAndTooMany() {
        assertReason(() -> policy.check("a.pdf", 101, new byte[101]), FileRejectedException.Reason.TOO_LARGE);
        assertReason(() -> policy.check("a.doc", 3, new byte[] {1, 2, 3}), FileRejectedException.Reason.UNSUPPORTED_TYPE);
        assertReason(() -> policy.check("a.pdf", 3, "MZx".getBytes(StandardCharsets.US_ASCII)),
                FileRejectedException.Reason.UNSUPPORTED_TYPE);
        assertReason(() -> policy.check("a.pdf", 0, new byte[0]), FileRejectedException.Reason.EMPTY);
        assertReason(() -> policy.checkCount(1, 2), FileRejectedException.Reason.TOO_MANY);
        policy.checkCount(1, 1);
    }

    private static void assertReason(Runnable r, FileRejectedException.Reason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(FileRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
