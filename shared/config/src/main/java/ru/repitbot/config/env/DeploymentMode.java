package ru.repitbot.config.env;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * What {@code ENVIRONMENT=production} changes, decided in one place for every deployable (services, the gateway, the
 * bot), at run time: an AOT-built jar decided its beans at build time, so these are answers the unconditional beans
 * ask, never bean conditions.
 *
 * <ul>
 *   <li>secrets are never generated: {@link #missingSecrets} names what a production start refuses to go without;
 *   <li>Swagger UI, {@code /redoc} and the OpenAPI documents are off unless {@code DOCS_ENABLED=true}
 *       ({@link #docsEnabled}); outside production they are on unless {@code DOCS_ENABLED=false}.
 * </ul>
 */
public final class DeploymentMode {

    /** Extra variables a deployable needs in production (its {@code application.yml}), comma-separated. */
    public static final String REQUIRED_PROPERTY = "repitbot.production.required-variables";

    private DeploymentMode() {
    }

    public static boolean isProduction(Environment env) {
        String value = env.getProperty("repitbot.environment", env.getProperty("ENVIRONMENT", "development"));
        return "production".equals(value.trim().toLowerCase(Locale.ROOT));
    }

    public static boolean docsEnabled(Environment env) {
        String explicit = env.getProperty("repitbot.docs.enabled", env.getProperty("DOCS_ENABLED"));
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        return !isProduction(env);
    }

    /**
     * The variables a production start needs and does not have: the deployable's own client secret
     * ({@code <NAME>_SECRET_KEY}, what it asks auth-service for service tokens with) and those its
     * {@value #REQUIRED_PROPERTY} lists (user-service: {@code SECRET_KEY}; auth-service: {@code JWT_PRIVATE_KEY}).
     */
    public static List<String> missingSecrets(Environment env) {
        Set<String> required = new LinkedHashSet<>();
        String name = env.getProperty("spring.application.name");
        if (name != null && !name.isBlank()) {
            required.add(name.trim().toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET_KEY");
        }
        for (String extra : env.getProperty(REQUIRED_PROPERTY, "").split(",")) {
            if (!extra.isBlank()) {
                required.add(extra.trim());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String variable : required) {
            String value = env.getProperty(variable);
            if (value == null || value.isBlank()) {
                missing.add(variable);
            }
        }
        return missing;
    }
}
