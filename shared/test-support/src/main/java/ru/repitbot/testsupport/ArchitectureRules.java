package ru.repitbot.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The package shape of docs/architecture/conventions.md as a test. A service's {@code domain} package is plain Java
 * — no web, messaging, Spring or JSON imports (JPA annotations on entities are fine) — and reaches into no other
 * package of the service; the use cases ({@code app}) never depend on the controllers ({@code web}); the wire
 * records ({@code api}) depend on neither. And no service writes SQL against tables a shared module owns.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void checkDomainIsPlain(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureRules::isWrittenByHand)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "com.rabbitmq..", "tools.jackson..",
                        "com.fasterxml.jackson.databind..", servicePackage + ".api..", servicePackage + ".web..",
                        servicePackage + ".app..", servicePackage + ".events..")
                .allowEmptyShould(true)
                .because("business rules are plain Java, unit-tested without Spring (docs/architecture/conventions.md)")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".app..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + ".web..")
                .allowEmptyShould(true)
                .because("use cases do not know the controllers that call them")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackage + ".web..", servicePackage + ".app..")
                .allowEmptyShould(true)
                .because("wire records describe the API; they call nothing")
                .check(classes);
    }

    /**
     * The tables a shared module owns, by module: services ask that module's API instead of writing SQL on them
     * (issue 10, "No service writes SQL against tables that a shared module owns").
     */
    private static final Map<String, List<String>> SHARED_TABLES = Map.of(
            "shared/access (AccessDirectory, StudentAccess)", List.of("access_user", "access_link"));

    /**
     * Fails when the service's own code or resources ({@code src/main} of the module under test, the working
     * directory of its tests) name a table that a shared module owns — in SQL, in a comment or anywhere else, so a
     * query cannot slip through by being built at run time. The shared modules' jars are not scanned.
     */
    public static void checkNoSqlOnSharedTables() {
        checkNoSqlOnSharedTables(Path.of("src", "main"));
    }

    /** As {@link #checkNoSqlOnSharedTables()}, over the sources under {@code sources}. */
    public static void checkNoSqlOnSharedTables(Path sources) {
        if (!Files.isDirectory(sources)) {
            throw new AssertionError("no sources at " + sources.toAbsolutePath()
                    + ": run the check from the module's directory (as surefire does)");
        }
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).filter(ArchitectureRules::isText).toList()) {
                String text = Files.readString(file).toLowerCase(Locale.ROOT);
                SHARED_TABLES.forEach((module, tables) -> tables.stream().filter(text::contains).forEach(table ->
                        offences.add(sources.relativize(file) + " names " + table + ", owned by " + module)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!offences.isEmpty()) {
            throw new AssertionError("No service writes SQL against tables that a shared module owns; ask the "
                    + "module's API instead:\n  " + String.join("\n  ", offences));
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".sql") || name.endsWith(".kt") || name.endsWith(".xml")
                || name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties");
    }

    /**
     * Spring AOT ({@code process-aot}, part of the build) writes classes such as {@code Lesson__Accessor_x1y2z3} into
     * the domain's package; they are Spring's code about our entities, not our rules. Without this the test failed
     * whenever it ran after a build that had packaged the service (e.g. {@code ./repitbot up}, then the tests).
     */
    private static boolean isWrittenByHand(Location location) {
        String path = location.asURI().toString();
        return !path.substring(path.lastIndexOf('/') + 1).contains("__");
    }
}
