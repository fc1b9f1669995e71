package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request body of {@code POST /api/v1/broadcasts}. */
public final class BroadcastRequests {

    private BroadcastRequests() {
    }

    public record Create(
            @Schema(description = "Who gets it: the tutor's own students, their parents, or both",
                    allowableValues = {"students", "parents", "both"}, requiredMode = Schema.RequiredMode.REQUIRED)
            String audience,
            @Schema(description = "Up to 4096 characters (1024 with files); text or files are required") String text,
            @Schema(description = "Telegram file ids, at most 10 (one for voice)") List<String> fileIds,
            @Schema(description = "Required with file_ids", allowableValues = {"photo", "video", "document", "voice"})
            String fileKind,
            @Schema(description = "Deliver even in the readers' quiet hours (default false)") Boolean urgent) {
    }
}
