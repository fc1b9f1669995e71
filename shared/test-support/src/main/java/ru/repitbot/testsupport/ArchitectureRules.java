package ru.repitbot.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * GUIDE §2 as a test: a service's {@code domain} package is plain Java — no web, messaging, Spring or JSON imports
 * (JPA annotations on entities are fine) — and {@code domain} does not reach into {@code api} or {@code events}.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void checkDomainIsPlain(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "com.rabbitmq..", "tools.jackson..",
                        "com.fasterxml.jackson.databind..", servicePackage + ".api..", servicePackage + ".events..")
                .allowEmptyShould(true)
                .because("business rules are plain Java, unit-tested without Spring (GUIDE §2)")
                .check(classes);
    }
}
