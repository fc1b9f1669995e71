package ru.repitbot.user.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import ru.repitbot.models.Role;
import ru.repitbot.user.domain.TelegramUsername;

/** A new tutor (by an admin), student or parent (by a tutor or an admin). */
@Schema(description = "A new user; the response carries the access code, shown this once")
public record CreateUserRequest(
        @NotNull @Schema(description = "tutor, student or parent (admins come from settings only)",
                example = "student") Role role,
        @NotBlank @Size(min = 2, max = 100) @Schema(example = "Иван Петров") String fullName,
        @Size(max = 64) @Schema(description = "IANA zone; default the creating tutor's", example = "Europe/Moscow")
        String timeZone,
        @Min(1) @Max(11) @Schema(description = "school grade, students only") Integer grade,
        @Size(max = 33) @Pattern(regexp = TelegramUsername.PATTERN,
                message = "must be 4 to 32 letters, digits or underscores") String username,
        @Size(max = 20) @Schema(description = "student: its tutors (admin only; a tutor's student is theirs)")
        List<@NotNull @Positive Long> tutorIds,
        @Size(max = 20) @Schema(description = "student: existing parents to link (e.g. a sibling's)")
        List<@NotNull @Positive Long> parentIds,
        @Size(max = 20) @Schema(description = "parent: their children; a tutor must name at least one own student")
        List<@NotNull @Positive Long> studentIds) {
}
