package ru.repitbot.events.contract;

import tools.jackson.databind.JsonNode;

/** Wire paths into a payload schema: {@code changes.date}, {@code topic_moves[].to_lesson_id}. */
final class Paths {

    private Paths() {
    }

    /** The schema at {@code path}, or {@code null} when the payload has no such field. */
    static JsonNode at(JsonNode schema, String path) {
        JsonNode node = schema;
        for (String step : path.split("\\.")) {
            boolean items = step.endsWith("[]");
            String name = items ? step.substring(0, step.length() - 2) : step;
            JsonNode properties = node.get("properties");
            node = properties == null ? null : properties.get(name);
            if (node == null) {
                return null;
            }
            if (items) {
                node = node.get("items");
                if (node == null) {
                    return null;
                }
            }
        }
        return node;
    }
}
