package ru.repitbot.deploy.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ru.repitbot.deploy.Repository;

/**
 * Runs the checkout's {@code ./repitbot} (or another command) as an operator would, with its own state directory and
 * an empty settings file, so that neither the developer's {@code .env} nor a running stack changes what it does.
 */
public final class Launcher {

    /** What a finished command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }
    }

    private Launcher() {
    }

    /** {@code ./repitbot --state-dir STATE args...} with {@code env} added to a cleaned environment. */
    public static Result repitbot(Path state, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Repository.path("repitbot").toString(), "--state-dir",
                state.toString()));
        command.addAll(List.of(args));
        try {
            Path settings = state.resolve("empty.env");
            Files.createDirectories(state);
            if (!Files.exists(settings)) {
                Files.writeString(settings, "");
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.root().toFile());
            Map<String, String> environment = builder.environment();
            // A CI or developer shell may carry RepitBot settings; the tests say exactly which they mean.
            environment.keySet().removeIf(k -> k.startsWith("REPITBOT_") || k.endsWith("_SECRET_KEY")
                    || k.endsWith("_PORT") || k.endsWith("_URL") || k.startsWith("PG")
                    || List.of("SECRET_KEY", "ENVIRONMENT", "JWT_PRIVATE_KEY", "ADMIN_ACCESS_CODE", "PORT").contains(k));
            environment.put("REPITBOT_ENV_FILE", settings.toString());
            environment.putAll(env);
            return run(builder, 300);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        }
    }

    /** Any command, in the checkout, with a time limit in seconds. */
    public static Result run(List<String> command, int timeoutSeconds) {
        return run(new ProcessBuilder(command).directory(Repository.root().toFile()), timeoutSeconds);
    }

    private static Result run(ProcessBuilder builder, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("launcher-out", ".txt");
            Path err = Files.createTempFile("launcher-err", ".txt");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(builder.command() + " did not finish in " + timeoutSeconds + " s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + builder.command()
                    + " (is the tool installed? see docs/deploy)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path of a tool on the PATH, or a failure that names the Debian package to install. */
    public static Path tool(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not installed: this check needs it (Debian: apt-get install "
                + debianPackage + ")");
    }
}
