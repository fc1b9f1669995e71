package ru.repitbot.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import ru.repitbot.deploy.Repository;

/**
 * Renders kustomizations with the real tool ({@code kubectl kustomize}, kustomize v5 built into kubectl).
 *
 * <p>The committed tree has no secrets: the operator writes {@code base/secrets.env} (and, for the in-cluster
 * overlay, {@code backing.env}) and kustomize refuses to render without them. {@link #workingCopy()} copies
 * {@code infrastructure/kubernetes} into a temporary directory and fills those files from the committed
 * {@code .example} files, so the checkout itself is never written to.
 */
final class Kustomize {

    static final Path SOURCE = Repository.path("infrastructure/kubernetes");

    private Kustomize() {
    }

    /** The result of one {@code kubectl kustomize}: exit code, the objects (when it succeeded), and stderr. */
    record Result(int exitCode, String stdout, String stderr) {

        List<Map<String, Object>> objects() {
            if (exitCode != 0) {
                throw new AssertionError("kubectl kustomize failed (exit " + exitCode + "):\n" + stderr);
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            for (Object document : yaml.loadAll(stdout)) {
                if (document != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) document;
                    objects.add(object);
                }
            }
            return objects;
        }
    }

    /** A copy of infrastructure/kubernetes in {@code target} with every {@code *.env.example} also as {@code *.env}. */
    static Path workingCopy(Path target) {
        try {
            Files.createDirectories(target);
            copyTree(SOURCE, target);
            try (Stream<Path> files = Files.walk(target)) {
                for (Path example : files.filter(p -> p.getFileName().toString().endsWith(".env.example")).toList()) {
                    String name = example.getFileName().toString();
                    Files.copy(example, example.resolveSibling(name.substring(0, name.length() - ".example".length())),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path relative = from.relativize(source);
                // The operator's real secrets, if a developer has some in the checkout, are never copied.
                String name = source.getFileName().toString();
                if (Files.isRegularFile(source) && (name.equals("secrets.env") || name.equals("backing.env"))) {
                    continue;
                }
                Path destination = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static Result render(Path directory) {
        Path kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize-", ".out");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + directory + " did not finish within 60 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + directory, e);
        }
    }

    /** kubectl from the PATH; a clear failure (not a skip) where it is missing. */
    static Path kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("kubectl is not on the PATH: the Kubernetes manifests are rendered with "
                + "'kubectl kustomize' (kubectl 1.27 or newer, kustomize v5). Install kubectl and run again.");
    }
}
