package ru.repitbot.deploy.kubernetes;

import java.util.List;
import java.util.Map;

/** Navigation in rendered objects (SnakeYAML maps and lists). */
final class Fields {

    private Fields() {
    }

    static String kind(Map<String, Object> object) {
        return (String) object.get("kind");
    }

    static String name(Map<String, Object> object) {
        return (String) map(object, "metadata").get("name");
    }

    /** The value at a dotted path of map keys; null where any step is missing. */
    static Object at(Object root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String path) {
        Object value = at(root, path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object root, String path) {
        Object value = at(root, path);
        return value instanceof List<?> ? (List<Map<String, Object>>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> labels(Object labelsMap) {
        return labelsMap instanceof Map<?, ?> ? (Map<String, String>) labelsMap : Map.of();
    }
}
