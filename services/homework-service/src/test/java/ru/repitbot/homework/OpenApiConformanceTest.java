package ru.repitbot.homework;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.repitbot.testsupport.OpenApiConformance;

/**
 * The OpenAPI document describes the real API: every parameter it names is read by its handler and every one read
 * is named, its schemas are our wire records with their real types, errors are problem+json, creations 201.
 */
class OpenApiConformanceTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theDocumentDescribesTheRealApi() {
        OpenApiConformance.assertConforms(context, port);
    }
}
