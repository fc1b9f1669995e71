package ru.repitbot.material.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What clients send to material-service. */
public final class MaterialRequests {

    private MaterialRequests() {
    }

    @Schema(description = "A material's content. Creating and replacing (PUT) take the same body; what is left out "
            + "is empty afterwards.")
    public record Write(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Schema(description = "1–11; absent or null: every grade") @Min(1) @Max(11) Integer grade,
            @Size(max = 100) String subject,
            @Schema(description = "Up to 20, each up to 50 characters; kept in lower case, each once")
            @Size(max = 20) List<String> tags,
            @Schema(description = "Up to 10 absolute http(s) addresses") @Size(max = 10) List<String> links) {
    }

    @Schema(description = "Exactly one of lesson_id and homework_id: the tutor's lesson or homework")
    public record Attach(@Positive Long lessonId, @Positive Long homeworkId) {
    }

    @Schema(description = "The file_id Telegram gave the file when the bot first sent it")
    public record TelegramFileId(@NotBlank @Size(max = 200) String telegramFileId) {
    }
}
