package ru.repitbot.config.docs;

import java.util.List;

/** The paths that serve or feed the API docs, for the servlet and the reactive docs gates alike. */
public final class DocsPaths {

    /** Swagger UI, ReDoc and its script, the OpenAPI documents (a service's and the gateway's per service). */
    public static final List<String> PREFIXES = List.of("/docs", "/swagger-ui", "/redoc", "/openapi.json",
            "/openapi", "/v3/api-docs", "/webjars");

    private DocsPaths() {
    }

    public static boolean isDocsPath(String path) {
        for (String prefix : PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
