package ru.repitbot.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages, and each is a MessageFormat pattern that formats. */
class MessagesTest {

    @Test
    void russianAndEnglishHaveTheSameKeys() throws IOException {
        Properties ru = all("ru");
        Properties en = all("en");

        assertThat(new TreeSet<>(en.stringPropertyNames())).as("keys missing in English")
                .containsAll(ru.stringPropertyNames());
        assertThat(new TreeSet<>(ru.stringPropertyNames())).as("keys missing in Russian")
                .containsAll(en.stringPropertyNames());
        assertThat(ru.stringPropertyNames()).hasSizeGreaterThan(100);
    }

    @Test
    void everyTextFormatsWithTheSameArgumentsInBothLanguages() throws IOException {
        Properties ru = all("ru");
        Properties en = all("en");
        for (String key : ru.stringPropertyNames()) {
            String russian = ru.getProperty(key);
            String english = en.getProperty(key);
            // The bot formats every text with MessageFormat: an ASCII apostrophe would silently swallow text.
            assertThat(russian).as("ru %s", key).doesNotContain("'");
            assertThat(english).as("en %s", key).doesNotContain("'");
            Object[] args = {"A", "B", "C"};
            String formattedRu = new MessageFormat(russian, Locale.forLanguageTag("ru")).format(args);
            String formattedEn = new MessageFormat(english, Locale.ENGLISH).format(args);
            assertThat(arguments(russian)).as("arguments of %s", key).isEqualTo(arguments(english));
            assertThat(formattedRu).as("ru %s", key).doesNotContain("{");
            assertThat(formattedEn).as("en %s", key).doesNotContain("{");
        }
    }

    @Test
    void theOldBotsLabelsAreKept() throws IOException {
        Properties ru = load("messages_ru.properties");
        assertThat(ru.getProperty("menu.tutor.students")).isEqualTo("🎓 Список учеников");
        assertThat(ru.getProperty("menu.tutor.add_student")).isEqualTo("➕ Добавить ученика");
        assertThat(ru.getProperty("menu.title.tutor")).isEqualTo("👨‍🏫 Главное меню репетитора");
        assertThat(ru.getProperty("menu.student.lessons")).isEqualTo("📚 Мои уроки");
        assertThat(ru.getProperty("menu.parent.children")).isEqualTo("👨‍👩‍👧‍👦 Мои дети");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        var matcher = java.util.regex.Pattern.compile("\\{(\\d)").matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String bundle : ru.repitbot.bot.config.BotConfiguration.TEXT_BUNDLES) {
            for (String key : load(bundle + "_ru.properties").stringPropertyNames()) {
                assertThat(seen.add(key)).as("%s defined again in %s", key, bundle).isTrue();
            }
        }
    }

    /** Every bundle of one language together, as the bot sees them. */
    private static Properties all(String language) throws IOException {
        Properties merged = new Properties();
        for (String bundle : ru.repitbot.bot.config.BotConfiguration.TEXT_BUNDLES) {
            merged.putAll(load(bundle + "_" + language + ".properties"));
        }
        return merged;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
