package ru.repitbot.homework.config;

import jakarta.servlet.MultipartConfigElement;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import ru.repitbot.homework.domain.AttachmentPolicy;

/** The rules of homework-service as beans, and the settings they need. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HomeworkSettings.class)
public class HomeworkServiceConfiguration {

    /** Room for the form fields of a submission besides its files. */
    private static final long FORM_OVERHEAD = 1024L * 1024L;

    @Bean
    AttachmentPolicy attachmentPolicy(HomeworkSettings settings) {
        return new AttachmentPolicy(settings.maxFileSizeBytes(), settings.supportedFileTypes(),
                settings.maxFilesPerHomework());
    }

    @Bean
    ZoneId defaultZone(HomeworkSettings settings) {
        return ZoneId.of(settings.defaultTimeZone());
    }

    /**
     * The servlet container's multipart limits sit a little above the service's own limit, so a file just over it
     * reaches {@link AttachmentPolicy} and is answered with a problem naming the file and the limit; only absurd
     * requests are cut off by the container (also answered 413).
     */
    @Bean
    MultipartConfigElement multipartConfigElement(HomeworkSettings settings) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        long file = settings.maxFileSizeBytes();
        factory.setMaxFileSize(DataSize.ofBytes(file + FORM_OVERHEAD));
        factory.setMaxRequestSize(DataSize.ofBytes(file * 5 + FORM_OVERHEAD));
        factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
        return factory.createMultipartConfig();
    }
}
