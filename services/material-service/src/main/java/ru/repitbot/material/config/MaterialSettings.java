package ru.repitbot.material.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of material-service ({@code repitbot.materials.*}).
 *
 * @param maxFileSizeMb largest uploaded file in MB (seed {@code MAX_FILE_SIZE_MB}, default 10)
 * @param supportedFileTypes allowed extensions ({@code MATERIAL_FILE_TYPES}, default jpg,jpeg,png,pdf,doc,docx);
 *     each must be one the service recognises by content
 * @param maxFilesPerMaterial uploaded files one material may hold (default 20)
 * @param storageDir the directory of the disk file store (default {@code /var/lib/repitbot/materials})
 */
@ConfigurationProperties("repitbot.materials")
public record MaterialSettings(Integer maxFileSizeMb, List<String> supportedFileTypes, Integer maxFilesPerMaterial,
        String storageDir) {

    public MaterialSettings {
        maxFileSizeMb = maxFileSizeMb == null ? 10 : maxFileSizeMb;
        if (maxFileSizeMb < 1 || maxFileSizeMb > 1024) {
            throw new IllegalArgumentException("repitbot.materials.max-file-size-mb must be 1..1024");
        }
        supportedFileTypes = supportedFileTypes == null || supportedFileTypes.isEmpty()
                ? List.of("jpg", "jpeg", "png", "pdf", "doc", "docx") : List.copyOf(supportedFileTypes);
        maxFilesPerMaterial = maxFilesPerMaterial == null ? 20 : maxFilesPerMaterial;
        storageDir = storageDir == null || storageDir.isBlank() ? "/var/lib/repitbot/materials" : storageDir.strip();
    }

    public long maxFileSizeBytes() {
        return maxFileSizeMb * 1024L * 1024L;
    }
}
