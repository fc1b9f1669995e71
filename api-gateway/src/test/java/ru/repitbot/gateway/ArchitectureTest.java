package ru.repitbot.gateway;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void routingAndLimitRulesArePlainJava() {
        ArchitectureRules.checkDomainIsPlain("ru.repitbot.gateway");
    }
}
