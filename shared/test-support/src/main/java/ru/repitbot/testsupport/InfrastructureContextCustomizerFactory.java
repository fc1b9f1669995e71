package ru.repitbot.testsupport;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Makes every Spring test context of a module run on {@link TestInfrastructure}: the servers are found or started
 * and handed over as the seed's variables before the context is built. Registered in {@code spring.factories}.
 */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        TestInfrastructure.get().exportAsSystemProperties();
        return new Customizer();
    }

    /** Does nothing itself; equal instances keep Spring's context cache working across test classes. */
    static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
