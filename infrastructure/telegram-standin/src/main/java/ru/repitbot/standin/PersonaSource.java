package ru.repitbot.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The personas: those given in the options plus those of a JSON file, which is re-read when it changes (the
 * launcher writes it after it created the demo users). The file is either an array of personas or
 * {@code {"personas": [...]}}; a persona is {@code {"name", "role", "telegram_id", "code", "hint"}}.
 */
final class PersonaSource {

    record Snapshot(long generation, List<Persona> personas) {
    }

    private final List<Persona> fixed;
    private final Path file;
    private final TelegramStandIn owner;
    private long lastModified = Long.MIN_VALUE;
    private long lastSize = -1;
    private long lastCheckMillis;
    private Snapshot snapshot;

    PersonaSource(List<Persona> fixed, Path file, TelegramStandIn owner) {
        this.fixed = fixed;
        this.file = file;
        this.owner = owner;
        this.snapshot = new Snapshot(0, merge(List.of()));
        check(true);
    }

    synchronized Snapshot current() {
        check(false);
        return snapshot;
    }

    private void check(boolean force) {
        if (file == null) {
            return;
        }
        long now = System.currentTimeMillis();
        if (!force && now - lastCheckMillis < 500) {
            return;
        }
        lastCheckMillis = now;
        long modified;
        long size;
        try {
            modified = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : Long.MIN_VALUE + 1;
            size = Files.exists(file) ? Files.size(file) : -2;
        } catch (IOException e) {
            return;
        }
        if (modified == lastModified && size == lastSize) {
            return;
        }
        lastModified = modified;
        lastSize = size;
        List<Persona> fromFile = List.of();
        if (size >= 0) {
            try {
                fromFile = parse(Files.readString(file));
            } catch (IOException | IllegalArgumentException e) {
                owner.log("personas file " + file + " not read: " + e.getMessage());
            }
        }
        snapshot = new Snapshot(snapshot.generation() + 1, merge(fromFile));
    }

    private List<Persona> merge(List<Persona> fromFile) {
        Map<Long, Persona> byId = new LinkedHashMap<>();
        fixed.forEach(p -> byId.put(p.telegramId(), p));
        fromFile.forEach(p -> byId.put(p.telegramId(), p));
        return List.copyOf(byId.values());
    }

    static List<Persona> parse(String text) {
        JsonNode root = Json.parseOrNull(text);
        if (root == null) {
            throw new IllegalArgumentException("not JSON");
        }
        JsonNode list = root.isArray() ? root : root.path("personas");
        List<Persona> out = new ArrayList<>();
        for (JsonNode p : list) {
            String name = Json.text(p, "name");
            long id = p.path("telegram_id").asLong(0);
            if (name == null || id <= 0) {
                throw new IllegalArgumentException("a persona needs \"name\" and a positive \"telegram_id\": " + p);
            }
            out.add(new Persona(name, Json.text(p, "role"), id, Json.text(p, "code"), Json.text(p, "hint")));
        }
        return out;
    }
}
