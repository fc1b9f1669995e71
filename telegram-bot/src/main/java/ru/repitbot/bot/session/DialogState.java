package ru.repitbot.bot.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a person is in a multi-step dialog: its name ({@code student.add}), the step awaiting input ({@code name})
 * and what was collected so far (a small string map, kept as JSON in Redis so another replica or a restarted bot
 * continues at the same step).
 */
public record DialogState(String name, String step, Map<String, String> data) {

    public DialogState {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public String get(String key) {
        return data.get(key);
    }

    public long getLong(String key) {
        String value = data.get(key);
        if (value == null) {
            throw new IllegalStateException("Dialog " + name + " has no " + key);
        }
        return Long.parseLong(value);
    }

    public boolean has(String key) {
        return data.containsKey(key);
    }

    /** The same dialog at {@code nextStep}, with {@code changes} added to its data (a null value removes a key). */
    public DialogState next(String nextStep, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(data);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new DialogState(name, nextStep, merged);
    }
}
