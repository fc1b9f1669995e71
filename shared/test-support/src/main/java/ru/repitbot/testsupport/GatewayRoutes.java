package ru.repitbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's route table as docs/architecture/contracts.md ("Gateway routes") writes it: which service owns a
 * public path. {@code /api/v1/lessons/**} is the path and everything below it.
 */
public final class GatewayRoutes {

    private static final Pattern PATTERN = Pattern.compile("`([^`]+)`");
    private static final Pattern OWNER = Pattern.compile("^\\s*([a-z][a-z0-9-]*-service)\\b");

    private record Route(String pattern, String service) {
        boolean matches(String path) {
            if (pattern.endsWith("/**")) {
                String base = pattern.substring(0, pattern.length() - 3);
                return path.equals(base) || path.startsWith(base + "/");
            }
            return path.equals(pattern);
        }
    }

    private final List<Route> routes;

    private GatewayRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The table of {@code docs/architecture/contracts.md} under {@code repositoryRoot}. */
    public static GatewayRoutes of(Path repositoryRoot) {
        Path file = repositoryRoot.resolve("docs/architecture/contracts.md");
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the gateway's route table from " + file, e);
        }
    }

    /** The routes of the "Gateway routes" table in {@code markdown}; rows whose owner is no service are left out. */
    public static GatewayRoutes parse(String markdown) {
        List<Route> routes = new ArrayList<>();
        boolean inSection = false;
        for (String line : markdown.split("\\R")) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith("## Gateway routes");
                continue;
            }
            if (!inSection || !line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 3) {
                continue;
            }
            Matcher owner = OWNER.matcher(cells[2]);
            if (!owner.find()) {
                continue;
            }
            Matcher pattern = PATTERN.matcher(cells[1]);
            while (pattern.find()) {
                routes.add(new Route(pattern.group(1).strip(), owner.group(1)));
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("No \"## Gateway routes\" table with services found in contracts.md");
        }
        return new GatewayRoutes(routes);
    }

    /** The service the gateway sends {@code path} to; empty when no route takes it. */
    public Optional<String> owner(String path) {
        return routes.stream().filter(r -> r.matches(path)).map(Route::service).findFirst();
    }
}
