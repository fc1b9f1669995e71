package ru.repitbot.config.env;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops a production start that lacks a secret, before any bean runs: a deployable that would otherwise generate a
 * signing key or start without its client secret fails at once with one line naming the variable. Registered in
 * {@code spring.factories} (a listener, not a bean: it must run whatever the build decided about beans), after
 * logging is set up, so the line is a normal (JSON) log line.
 */
public class ProductionGuard implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        var env = event.getApplicationContext().getEnvironment();
        if (!DeploymentMode.isProduction(env)) {
            return;
        }
        List<String> missing = DeploymentMode.missingSecrets(env);
        if (!missing.isEmpty()) {
            String message = "ENVIRONMENT=production needs " + String.join(", ", missing)
                    + ": set " + (missing.size() == 1 ? "it" : "them")
                    + " (production never generates secrets); not starting";
            log.error(message);
            throw new MissingProductionSecretException(message, missing);
        }
    }

    /** A production start without a secret it needs. */
    public static class MissingProductionSecretException extends IllegalStateException {

        private final transient List<String> missing;

        MissingProductionSecretException(String message, List<String> missing) {
            super(message);
            this.missing = List.copyOf(missing);
        }

        public List<String> missing() {
            return missing;
        }
    }
}
