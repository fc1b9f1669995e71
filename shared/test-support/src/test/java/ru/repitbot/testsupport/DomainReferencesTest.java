package ru.repitbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The domain rules the code cites must be readable by anyone who clones the repository: they live in
 * {@code docs/domain/}, and every citation of them resolves. Scans the repository's sources and documents (found from
 * the module's working directory; {@code target/} and hidden folders skipped) and fails, naming file and line, when
 * <ul>
 *   <li>a file outside {@code docs/domain} cites the documents that stay outside the repository (the old bot's
 *       specification by section, the product decisions, the engineering guide by section, or a decision's question
 *       number) instead of {@code docs/domain};</li>
 *   <li>a {@code docs/domain/<file>.md#<anchor>} or {@code docs/domain/<file>.md "<Heading>"} citation, or a relative
 *       markdown link into {@code docs/domain} (any relative link inside it), names a file, heading or anchor
 *       that does not exist.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainReferencesTest {

    /** Files people write by hand; generated ones under target/ are skipped with the folder. */
    private static final Set<String> SCANNED_EXTENSIONS =
            Set.of("java", "kt", "md", "properties", "yml", "yaml", "sql", "ftl", "xml", "sh");

    private static final Path DOMAIN_DOCS = Path.of("docs", "domain");

    /** This file names the citations it forbids, so it is the one file exempt from that part of the check. */
    private static final Path THIS_FILE =
            Path.of("shared", "test-support", "src", "test", "java", "ru", "repitbot", "testsupport",
                    "DomainReferencesTest.java");

    /**
     * Flyway migrations written before docs/domain existed. Flyway checksums a migration's whole text, comments
     * included, so editing an applied one breaks every database it ran on; their old citations stay (the question
     * numbers are mapped in docs/domain/README.md, "Former question numbers"). Newer migrations are checked.
     */
    private static final Set<Path> APPLIED_MIGRATIONS = Set.of(
            Path.of("shared/idempotency/src/main/resources/db/shared/V0_4__idempotency_keys.sql"),
            Path.of("services/lesson-service/src/main/resources/db/migration/V1__lessons.sql"),
            Path.of("services/user-service/src/main/resources/db/migration/V1__users.sql"),
            Path.of("services/homework-service/src/main/resources/db/migration/V1__homework.sql"),
            Path.of("services/payment-service/src/main/resources/db/migration/V1__payments.sql"));

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden(Pattern.compile("\\bSPEC\\b"),
                    "cites the old bot's specification, which is not in the repository"),
            new Forbidden(Pattern.compile("\\bDECISIONS\\b"),
                    "cites the product decisions, which are not in the repository"),
            new Forbidden(Pattern.compile("\\bGUIDE(?:\\.md)?\\s*§"),
                    "cites the engineering guide by section, which is not in the repository"),
            new Forbidden(Pattern.compile("\\bQ(?:1[0-7]|[1-9])\\b"),
                    "cites a decision by its question number"));

    private static final Pattern DOMAIN_ANCHOR_REF =
            Pattern.compile("docs/domain/([\\w.-]+\\.md)(?:#([\\p{L}\\p{N}_-]+))?");

    private static final Pattern DOMAIN_HEADING_REF =
            Pattern.compile("docs/domain/([\\w.-]+\\.md),?\\s+\"([^\"]+)\"");

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]*)\\)");

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private Path root;
    private List<Path> files;
    private final Map<Path, Headings> headings = new HashMap<>();

    /** One scan for all checks (one instance per class). */
    @BeforeAll
    void scanRepository() throws IOException {
        root = repositoryRoot();
        files = sourceFiles(root);
    }

    @Test
    void theDomainDocumentsExist() {
        assertThat(root.resolve(DOMAIN_DOCS).resolve("README.md")).isRegularFile();
        // A scan that found next to nothing would pass vacuously: the repository has hundreds of sources.
        assertThat(files).hasSizeGreaterThan(100);
    }

    @Test
    void nothingOutsideDocsDomainCitesTheOutsideDocuments() {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Path relative = root.relativize(file);
            if (relative.startsWith(DOMAIN_DOCS) || relative.equals(THIS_FILE) || APPLIED_MIGRATIONS.contains(relative)) {
                continue;
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Forbidden forbidden : FORBIDDEN) {
                    Matcher m = forbidden.pattern().matcher(lines.get(i));
                    if (m.find()) {
                        problems.add(relative + ":" + (i + 1) + ": \"" + m.group() + "\" " + forbidden.why()
                                + "; point at docs/domain/<file>.md#<anchor> instead");
                    }
                }
            }
        }
        assertThat(problems).as("citations of documents outside the repository").isEmpty();
    }

    @Test
    void everyCitationOfDocsDomainResolves() {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Path relative = root.relativize(file);
            List<String> lines = lines(file);
            boolean markdown = file.getFileName().toString().endsWith(".md");
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = relative + ":" + (i + 1) + ": ";
                Matcher anchor = DOMAIN_ANCHOR_REF.matcher(line);
                while (anchor.find()) {
                    problem(root.resolve(DOMAIN_DOCS).resolve(anchor.group(1)), anchor.group(2), null)
                            .ifPresent(p -> problems.add(where + anchor.group() + ": " + p));
                }
                Matcher heading = DOMAIN_HEADING_REF.matcher(line);
                while (heading.find()) {
                    problem(root.resolve(DOMAIN_DOCS).resolve(heading.group(1)), null, heading.group(2))
                            .ifPresent(p -> problems.add(where + heading.group() + ": " + p));
                }
                if (markdown) {
                    Matcher link = MARKDOWN_LINK.matcher(line);
                    while (link.find()) {
                        markdownLinkProblem(file, link.group(1)).ifPresent(p -> problems.add(where + p));
                    }
                }
            }
        }
        assertThat(problems).as("citations of docs/domain that do not resolve").isEmpty();
    }

    /** The anchor rule itself, since every other check relies on it. */
    @Test
    void anchorsAreGitHubs() {
        assertThat(Headings.slug("Q4. `lesson.conducted` and the conduct status"))
                .isEqualTo("q4-lessonconducted-and-the-conduct-status");
        assertThat(Headings.slug("Cancelling a lesson")).isEqualTo("cancelling-a-lesson");
        assertThat(Headings.slug("Material events (to be built)")).isEqualTo("material-events-to-be-built");
    }

    /**
     * A relative link inside a docs/domain file is checked whatever it points at; elsewhere only links into
     * docs/domain are (the rest of the documentation has no such promise yet).
     */
    private Optional<String> markdownLinkProblem(Path file, String target) {
        if (target.isEmpty() || target.contains("://") || target.startsWith("mailto:")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
        boolean fromDomain = root.relativize(file).startsWith(DOMAIN_DOCS);
        boolean intoDomain = resolved.startsWith(root.resolve(DOMAIN_DOCS));
        if (!fromDomain && !intoDomain) {
            return Optional.empty();
        }
        if (!resolved.getFileName().toString().endsWith(".md")) {
            return Files.exists(resolved) ? Optional.empty()
                    : Optional.of("(" + target + "): no such file");
        }
        return problem(resolved, anchor, null).map(p -> "(" + target + "): " + p);
    }

    private Optional<String> problem(Path document, String anchor, String headingText) {
        if (!Files.isRegularFile(document)) {
            return Optional.of("no such file " + root.relativize(document));
        }
        Headings found = headings.computeIfAbsent(document, d -> Headings.of(lines(d)));
        if (anchor != null && !anchor.isEmpty() && !found.anchors().contains(anchor)) {
            return Optional.of("no heading with the anchor #" + anchor + " in " + root.relativize(document)
                    + " (anchors: " + found.anchors() + ")");
        }
        if (headingText != null && !found.texts().contains(headingText)) {
            return Optional.of("no heading \"" + headingText + "\" in " + root.relativize(document));
        }
        return Optional.empty();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("shared"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> sourceFiles(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(root)
                        && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot > 0 && SCANNED_EXTENSIONS.contains(name.substring(dot + 1)) && attrs.size() < 2_000_000) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException notText) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Forbidden(Pattern pattern, String why) {
    }

    /** The headings of a markdown file: their texts and their GitHub anchors (duplicates get -1, -2, …). */
    private record Headings(Set<String> texts, Set<String> anchors) {

        static Headings of(List<String> lines) {
            Set<String> texts = new LinkedHashSet<>();
            Set<String> anchors = new LinkedHashSet<>();
            boolean inFence = false;
            for (String line : lines) {
                if (line.startsWith("```")) {
                    inFence = !inFence;
                    continue;
                }
                Matcher m = HEADING.matcher(line);
                if (inFence || !m.matches()) {
                    continue;
                }
                texts.add(m.group(1));
                String slug = slug(m.group(1));
                String anchor = slug;
                for (int n = 1; anchors.contains(anchor); n++) {
                    anchor = slug + "-" + n;
                }
                anchors.add(anchor);
            }
            return new Headings(texts, anchors);
        }

        /** GitHub's rule: lower case, punctuation dropped (letters, digits, spaces, '-' and '_' kept), ' ' -> '-'. */
        static String slug(String heading) {
            StringBuilder slug = new StringBuilder();
            heading.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                    slug.appendCodePoint(c);
                } else if (c == ' ') {
                    slug.append('-');
                }
            });
            return slug.toString();
        }
    }
}
