package ru.repitbot.lesson;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.checkDomainIsPlain("ru.repitbot.lesson");
    }

    @Test
    void asksSharedModulesInsteadOfQueryingTheirTables() {
        ArchitectureRules.checkNoSqlOnSharedTables();
    }
}
