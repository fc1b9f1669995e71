package ru.repitbot.user.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ru.repitbot.user.domain.TelegramUsername;

/** Fields to change; absent or null fields stay as they are; an empty username clears it. */
@Schema(description = "Fields to change; absent fields are kept")
public record UpdateUserRequest(
        @Size(min = 2, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String fullName,
        @Size(max = 64) String timeZone,
        @Min(1) @Max(11) Integer grade,
        @Size(max = 33) @Pattern(regexp = TelegramUsername.PATTERN,
                message = "must be 4 to 32 letters, digits or underscores") String username) {
}
