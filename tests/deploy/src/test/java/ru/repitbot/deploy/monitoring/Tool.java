package ru.repitbot.deploy.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real command-line tool of a monitoring format (promtool, amtool, prometheus), run as a subprocess. A tool missing
 * from the machine fails the test naming the Debian package that brings it (.ci/run installs them); never a skip.
 */
record Tool(String name, String debianPackage) {

    static final Tool PROMTOOL = new Tool("promtool", "prometheus");
    static final Tool AMTOOL = new Tool("amtool", "prometheus-alertmanager");
    static final Tool PROMETHEUS = new Tool("prometheus", "prometheus");

    /** What a run printed (stdout and stderr together) and how it ended. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    Path path() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not installed: it comes with the Debian package '" + debianPackage
                + "' (apt-get install " + debianPackage + "; .ci/run installs it)");
    }

    Result run(Path workingDirectory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(path().toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
