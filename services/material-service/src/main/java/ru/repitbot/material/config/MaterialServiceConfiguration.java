package ru.repitbot.material.config;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import ru.repitbot.material.db.DiskFileStore;
import ru.repitbot.material.domain.FilePolicy;
import ru.repitbot.material.domain.FileStore;

/** The rules of material-service as beans, and where files are kept. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaterialSettings.class)
public class MaterialServiceConfiguration {

    /** Room for the form fields of an upload besides its files. */
    private static final long FORM_OVERHEAD = 1024L * 1024L;

    @Bean
    FilePolicy filePolicy(MaterialSettings settings) {
        return new FilePolicy(settings.maxFileSizeBytes(), settings.supportedFileTypes(),
                settings.maxFilesPerMaterial());
    }

    /**
     * Files on disk. An S3-compatible store is another {@link FileStore} (put/get/delete of one key) declared here
     * instead; the rest of the service does not change.
     */
    @Bean
    FileStore fileStore(MaterialSettings settings) {
        return new DiskFileStore(Path.of(settings.storageDir()));
    }

    /**
     * The servlet container's multipart limits sit a little above the service's own limit, so a file just over it
     * reaches {@link FilePolicy} and is answered with a problem naming the file and the limit; only absurd requests
     * are cut off by the container (also answered 413).
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MaterialSettings settings) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        long file = settings.maxFileSizeBytes();
        factory.setMaxFileSize(DataSize.ofBytes(file + FORM_OVERHEAD));
        factory.setMaxRequestSize(DataSize.ofBytes(file * 5 + FORM_OVERHEAD));
        factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
        return factory.createMultipartConfig();
    }
}
