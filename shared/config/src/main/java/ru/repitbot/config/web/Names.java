package ru.repitbot.config.web;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/** Field names as the API spells them (snake_case), for error messages. */
final class Names {

    private Names() {
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String path(List<JacksonException.Reference> path) {
        return path.stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
