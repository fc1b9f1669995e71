package ru.repitbot.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the stack once for the whole suite (stored in the root context, so it is closed, i.e. {@code ./repitbot
 * down}, after the last class) and hands it to test constructors and methods. {@code -DskipE2E} skips every class.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StackExtension.class);

    private static final java.util.concurrent.atomic.AtomicBoolean SKIP_SAID = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void beforeAll(ExtensionContext context) {
        String skip = System.getProperty("skipE2E");
        boolean skipped = skip != null && !skip.equalsIgnoreCase("false");
        if (skipped && SKIP_SAID.compareAndSet(false, true)) {
            System.out.println("[e2e] end-to-end suite SKIPPED: -DskipE2E was given");
        }
        Assumptions.assumeFalse(skipped, "end-to-end suite skipped: -DskipE2E was given");
        stack(context);
    }

    static Scenario stack(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent(Scenario.class, k -> new Scenario(RepitbotStack.start()),
                Scenario.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Scenario.class || type == RepitbotStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Scenario scenario = stack(context);
        return parameter.getParameter().getType() == Scenario.class ? scenario : scenario.stack();
    }
}
