package ru.repitbot.homework;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.checkDomainIsPlain("ru.repitbot.homework");
    }

    @Test
    void asksSharedModulesInsteadOfQueryingTheirTables() {
        ArchitectureRules.checkNoSqlOnSharedTables();
    }
}
