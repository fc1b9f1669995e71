package ru.repitbot.config.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import ru.repitbot.config.ServiceDefaultsAutoConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API style a service gets from shared/config without doing anything: a body field the endpoint does not know
 * is a 400 naming it, answers carry every field (null when empty), problem details stay lean, and the application's
 * own mapper (what a RestClient reads other services' answers with) still tolerates added fields.
 */
class ApiStyleWebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment().getPropertySources()
                    .addLast(new PropertiesPropertySource("repitbot-defaults", defaults())))
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    ServiceDefaultsAutoConfiguration.class))
            .withUserConfiguration(LessonsController.class);

    record NewLesson(String topic, Integer durationMinutes, Place place) {
    }

    record Place(String room, Integer floor) {
    }

    record Lesson(long id, String topic, int durationMinutes, String masteryComment, Place place) {
    }

    @RestController
    static class LessonsController {

        @PostMapping("/lessons")
        Lesson create(@RequestBody NewLesson lesson) {
            return new Lesson(1, lesson.topic(), lesson.durationMinutes() == null ? 60 : lesson.durationMinutes(),
                    null, lesson.place());
        }

        @org.springframework.web.bind.annotation.GetMapping("/lessons")
        List<Lesson> search(@org.springframework.web.bind.annotation.RequestParam(required = false) String search) {
            return List.of(new Lesson(1, search, 60, null, null));
        }

        @PostMapping("/settings")
        Map<String, Object> settings(@RequestBody Map<String, Object> anything) {
            return anything;
        }
    }

    @Test
    void aMistypedFieldIsA400NamingItNotADefault() {
        runner.run(context -> {
            MockHttpServletResponse response = post(context, "/lessons",
                    "{\"topic\":\"Дроби\",\"duraton_minutes\":90}");
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.getContentAsString());
            assertThat(problem.path("errors")).hasSize(1);
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("duraton_minutes");
            assertThat(problem.path("errors").get(0).path("reason").asString()).isEqualTo("unknown field");
            assertThat(problem.path("detail").asString()).contains("duraton_minutes").contains("duration_minutes");
        });
    }

    @Test
    void anUnknownFieldInsideANestedObjectIsNamedWithItsPath() {
        runner.run(context -> {
            MockHttpServletResponse response = post(context, "/lessons",
                    "{\"topic\":\"Дроби\",\"place\":{\"room\":\"12\",\"flor\":2}}");
            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.getContentAsString());
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("place.flor");
        });
    }

    @Test
    void textWithTheNulCharacterIsA400NamingTheFieldNotADatabaseError() {
        runner.run(context -> {
            MockHttpServletResponse top = post(context, "/lessons", "{\"topic\":\"Дро\\u0000би\"}");
            assertThat(top.getStatus()).isEqualTo(400);
            JsonNode problem = JSON.readTree(top.getContentAsString());
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("topic");
            assertThat(problem.path("errors").get(0).path("reason").asString()).contains("NUL");

            MockHttpServletResponse nested = post(context, "/lessons",
                    "{\"topic\":\"Дроби\",\"place\":{\"room\":\"\\u0000\"}}");
            assertThat(nested.getStatus()).isEqualTo(400);
            assertThat(JSON.readTree(nested.getContentAsString()).path("errors").get(0).path("field").asString())
                    .isEqualTo("place.room");

            // Other odd text is kept as it is.
            MockHttpServletResponse rtl = post(context, "/lessons", "{\"topic\":\"\\u202eДроби\"}");
            assertThat(rtl.getStatus()).isEqualTo(200);
            assertThat(JSON.readTree(rtl.getContentAsString()).path("topic").asString()).isEqualTo("\u202eДроби");
        });
    }

    @Test
    void aQueryParameterWithTheNulCharacterIsA400NamingIt() {
        runner.run(context -> {
            @SuppressWarnings("unchecked")
            jakarta.servlet.Filter filter = ((org.springframework.boot.web.servlet.FilterRegistrationBean<
                    NulFreeParameters>) context.getBean("nulFreeParameters")).getFilter();
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(filter).build();
            MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.get("/lessons")
                    .param("search", "a\u0000b")).andReturn().getResponse();
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(refused.getContentAsString());
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("search");

            MockHttpServletResponse fine = mvc.perform(MockMvcRequestBuilders.get("/lessons")
                    .param("search", "Дроби")).andReturn().getResponse();
            assertThat(fine.getStatus()).isEqualTo(200);
        });
    }

    @Test
    void answersCarryEveryFieldWithNullWhenEmpty() {
        runner.run(context -> {
            MockHttpServletResponse response = post(context, "/lessons", "{\"topic\":\"Дроби\"}");
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode lesson = JSON.readTree(response.getContentAsString());
            assertThat(lesson.propertyNames()).containsExactly("id", "topic", "duration_minutes", "mastery_comment",
                    "place");
            assertThat(lesson.get("mastery_comment").isNull()).isTrue();
            assertThat(lesson.get("place").isNull()).isTrue();
        });
    }

    @Test
    void problemDetailsKeepOnlyTheirSetMembers() {
        runner.run(context -> {
            JsonNode problem = JSON.readTree(post(context, "/lessons", "{\"topic\":").getContentAsString());
            assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "errors")
                    .doesNotContain("properties");
            problem.properties().forEach(member -> assertThat(member.getValue().isNull())
                    .as("member %s", member.getKey()).isFalse());
        });
    }

    @Test
    void aBodyThatIsAMapTakesAnyField() {
        runner.run(context -> {
            MockHttpServletResponse response = post(context, "/settings", "{\"anything\":1,\"goes\":null}");
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(JSON.readTree(response.getContentAsString()).propertyNames()).containsExactly("anything",
                    "goes");
        });
    }

    @Test
    void theApplicationsOwnMapperStillToleratesAddedFields() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Place place = mapper.readValue("{\"room\":\"12\",\"floor\":2,\"added_later\":true}", Place.class);
            assertThat(place).isEqualTo(new Place("12", 2));
        });
    }

    @Test
    void onlyThePlainJacksonConverterIsMadeStrict() {
        List<org.springframework.http.converter.HttpMessageConverter<?>> converters = new java.util.ArrayList<>(
                List.of(new org.springframework.http.converter.StringHttpMessageConverter(),
                        new org.springframework.http.converter.json.JacksonJsonHttpMessageConverter()));
        new StrictRequestBodies().extendMessageConverters(converters);
        assertThat(converters.get(0)).isInstanceOf(org.springframework.http.converter.StringHttpMessageConverter.class);
        assertThat(((org.springframework.http.converter.json.JacksonJsonHttpMessageConverter) converters.get(1))
                .getMapper().isEnabled(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .isTrue();
    }

    private static MockHttpServletResponse post(WebApplicationContext context, String path, String body)
            throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    private static Properties defaults() {
        Properties properties = new Properties();
        try (InputStream in = ApiStyleWebTest.class.getResourceAsStream("/repitbot-defaults.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
