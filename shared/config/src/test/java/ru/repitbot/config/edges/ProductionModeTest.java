package ru.repitbot.config.edges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.repitbot.config.env.ProductionGuard;

/** {@code ENVIRONMENT=production} refuses to start without the secrets a development start would generate. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionModeTest {

    private static SpringApplicationBuilder app(String... properties) {
        return new SpringApplicationBuilder(EdgeApp.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=edge-service", "repitbot.database.schema=edge")
                .properties(properties);
    }

    @Test
    void aProductionStartWithoutItsClientSecretFailsNamingTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> app("ENVIRONMENT=production",
                "repitbot.production.required-variables=SECRET_KEY").run().close())
                .isInstanceOf(ProductionGuard.MissingProductionSecretException.class)
                .hasMessageContaining("EDGE_SERVICE_SECRET_KEY").hasMessageContaining("SECRET_KEY");
        assertThat(output.getAll().lines().filter(l -> l.contains("EDGE_SERVICE_SECRET_KEY")))
                .anyMatch(l -> l.contains("ENVIRONMENT=production needs EDGE_SERVICE_SECRET_KEY, SECRET_KEY"));
    }

    @Test
    void aProductionStartWithItsSecretsIsNotStoppedByTheGuard() {
        // Guard passes; the (web-less) context then starts as any other.
        app("ENVIRONMENT=production", "EDGE_SERVICE_SECRET_KEY=s3cret").run().close();
    }

    @Test
    void developmentNeedsNoSecrets() {
        app("ENVIRONMENT=development").run().close();
    }
}
