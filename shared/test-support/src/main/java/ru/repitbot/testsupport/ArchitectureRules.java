package ru.repitbot.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The package shape of docs/architecture/conventions.md as a test. A service's {@code domain} package is plain Java
 * — no web, messaging, Spring or JSON imports (JPA annotations on entities are fine) — and reaches into no other
 * package of the service; the use cases ({@code app}) never depend on the controllers ({@code web}); the wire
 * records ({@code api}) depend on neither.
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
     * Spring AOT ({@code process-aot}, part of the build) writes classes such as {@code Lesson__Accessor_x1y2z3} into
     * the domain's package; they are Spring's code about our entities, not our rules. Without this the test failed
     * whenever it ran after a build that had packaged the service (e.g. {@code ./repitbot up}, then the tests).
     */
    private static boolean isWrittenByHand(Location location) {
        String path = location.asURI().toString();
        return !path.substring(path.lastIndexOf('/') + 1).contains("__");
    }
}
