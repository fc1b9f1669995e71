package ru.repitbot.homework.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of homework-service ({@code repitbot.homework.*}).
 *
 * @param maxFileSizeMb largest uploaded file in MB (seed {@code MAX_FILE_SIZE_MB}, default 10)
 * @param supportedFileTypes allowed extensions (seed {@code SUPPORTED_FILE_TYPES}, default
 *     jpg,jpeg,png,pdf,doc,docx); each must be one the service can recognise by content
 * @param maxFilesPerHomework uploaded files one homework may hold per side (tutor's, student's)
 * @param defaultTimeZone zone for showing and reading times of a student whose zone is unknown (docs/domain/README.md#q15-time-zones)
 */
@ConfigurationProperties("repitbot.homework")
public record HomeworkSettings(Integer maxFileSizeMb, List<String> supportedFileTypes, Integer maxFilesPerHomework,
        String defaultTimeZone) {

    public HomeworkSettings {
        maxFileSizeMb = maxFileSizeMb == null ? 10 : maxFileSizeMb;
        if (maxFileSizeMb < 1 || maxFileSizeMb > 1024) {
            throw new IllegalArgumentException("repitbot.homework.max-file-size-mb must be 1..1024");
        }
        supportedFileTypes = supportedFileTypes == null || supportedFileTypes.isEmpty()
                ? List.of("jpg", "jpeg", "png", "pdf", "doc", "docx") : List.copyOf(supportedFileTypes);
        maxFilesPerHomework = maxFilesPerHomework == null ? 20 : maxFilesPerHomework;
        defaultTimeZone = defaultTimeZone == null || defaultTimeZone.isBlank() ? "Europe/Kaliningrad"
                : defaultTimeZone.strip();
    }

    public long maxFileSizeBytes() {
        return maxFileSizeMb * 1024L * 1024L;
    }
}
