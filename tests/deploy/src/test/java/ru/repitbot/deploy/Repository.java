package ru.repitbot.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout these tests check: {@code -Drepitbot.root} (set by the module's pom), else the working directory's parents. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        String configured = System.getProperty("repitbot.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("repitbot"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside a RepitBot checkout");
        }
        return dir;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
