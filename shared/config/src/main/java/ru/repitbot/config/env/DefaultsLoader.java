package ru.repitbot.config.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.core.env.PropertiesPropertySource;

/** Loads {@code repitbot-defaults.properties}: what every deployable gets unless it says otherwise. */
final class DefaultsLoader {

    private DefaultsLoader() {
    }

    static PropertiesPropertySource load(String name) {
        Properties properties = new Properties();
        try (InputStream in = DefaultsLoader.class.getResourceAsStream("/repitbot-defaults.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PropertiesPropertySource(name, properties);
    }
}
