package ru.repitbot.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * What to change in one's notification settings; every field optional, absent fields stay as they are. A class,
 * not a record, because {@code quiet_hours: null} (none) must differ from no {@code quiet_hours} at all.
 */
@Schema(description = "Changes to notification settings; absent fields stay as they are")
public final class PreferencesPatch {

    private String language;
    private QuietHoursView quietHours;
    private boolean quietHoursGiven;
    private Map<String, KindPatch> kinds;

    /** One switch's change; absent parts stay as they are. */
    public record KindPatch(Boolean enabled, Boolean urgent) {
    }

    @Schema(description = "ru or en", nullable = true)
    public String getLanguage() {
        return language;
    }

    @JsonProperty("language")
    public void setLanguage(String language) {
        this.language = language;
    }

    @Schema(description = "New quiet hours; null removes them (equal start and end too)", nullable = true)
    public QuietHoursView getQuietHours() {
        return quietHours;
    }

    @JsonProperty("quiet_hours")
    public void setQuietHours(QuietHoursView quietHours) {
        this.quietHours = quietHours;
        this.quietHoursGiven = true;
    }

    /** Whether {@code quiet_hours} was in the body (its value may be null: none). */
    @JsonIgnore
    public boolean quietHoursGiven() {
        return quietHoursGiven;
    }

    @Schema(description = "Per kind (e.g. lesson_reminder_24h): enabled and/or urgent", nullable = true)
    public Map<String, KindPatch> getKinds() {
        return kinds;
    }

    @JsonProperty("kinds")
    public void setKinds(Map<String, KindPatch> kinds) {
        this.kinds = kinds;
    }
}
