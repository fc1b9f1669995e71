package ru.repitbot.user.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Fields that really changed in one update, with new and old values: the body of {@code user.updated}. */
public final class Changes {

    private final Map<String, Object> changes = new LinkedHashMap<>();
    private final Map<String, Object> previous = new LinkedHashMap<>();

    /** Notes {@code field} only when the value differs. */
    public void record(String field, Object oldValue, Object newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            changes.put(field, newValue);
            previous.put(field, oldValue);
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public boolean contains(String field) {
        return changes.containsKey(field);
    }

    /** New values (may hold nulls: a cleared field). */
    public Map<String, Object> changes() {
        return Collections.unmodifiableMap(changes);
    }

    public Map<String, Object> previous() {
        return Collections.unmodifiableMap(previous);
    }
}
