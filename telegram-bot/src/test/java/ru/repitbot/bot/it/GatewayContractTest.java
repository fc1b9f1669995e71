package ru.repitbot.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import ru.repitbot.testsupport.ConsumerContract;
import ru.repitbot.testsupport.GatewayRoutes;

/**
 * The bot's consumer contract, {@code tests/contracts/telegram-bot.json} (tests/contracts/README.md). Runs after every
 * integration test ({@code junit-platform.properties} orders test classes by {@link Order}) and reads what the bot
 * really sent to the WireMock gateway and what the stubs answered:
 * <ul>
 * <li>every request must be covered by an interaction of the contract — method and path template, every query
 * parameter, header and body field it sent, with its JSON type — and every answer the stubs gave must be one of the
 * interaction's statuses with fields the contract lists (the services' builds check those against their APIs);</li>
 * <li>with {@code -Dcontracts.write=true} the file is rewritten from what was observed instead (the whole suite must
 * have run): {@code ./mvnw -B -o verify -pl telegram-bot -Dcontracts.write=true}, then review the diff.</li>
 * </ul>
 * Every run also leaves what it observed in {@code target/contracts/telegram-bot.json}.
 */
@Order(Integer.MAX_VALUE)
class GatewayContractTest {

    static final String CONSUMER = "telegram-bot";
    private static final String REGENERATE = "./mvnw -B -o verify -pl telegram-bot -Dcontracts.write=true";

    @Test
    void everyGatewayCallTheFlowsMakeIsInTheBotsContract() {
        Set<Class<?>> ran = GatewayJournal.ran();
        Assumptions.assumeFalse(ran.isEmpty(), "no integration test ran in this JVM: nothing was observed");
        List<ConsumerContract.Observation> seen = GatewayJournal.observations();
        Path root = ConsumerContract.repositoryRoot();
        GatewayRoutes routes = GatewayRoutes.of(root);
        ConsumerContract.Builder builder = ConsumerContract.builder(CONSUMER, routes::owner);
        seen.forEach(builder::observe);
        ConsumerContract observed = builder.build();
        observed.write(Path.of("target/contracts").resolve(CONSUMER + ".json").toAbsolutePath());

        Path file = ConsumerContract.file(CONSUMER);
        Set<String> missing = integrationTestClasses();
        ran.forEach(c -> missing.remove(c.getName()));
        if (Boolean.getBoolean("contracts.write")) {
            assertThat(missing).as("-Dcontracts.write=true rewrites %s from what the whole suite sends, but these "
                    + "integration tests did not run: run all of them (no -Dtest)", root.relativize(file)).isEmpty();
            observed.write(file);
            System.out.printf("Wrote %s: %d interactions from %d requests%n", root.relativize(file),
                    observed.interactions().size(), seen.size());
            return;
        }

        assertThat(file).as("the bot's consumer contract; generate it with: " + REGENERATE).exists();
        ConsumerContract contract = ConsumerContract.read(file);
        Set<String> problems = new LinkedHashSet<>();
        for (ConsumerContract.Observation observation : seen) {
            problems.addAll(contract.problemsWith(observation));
        }
        observed.interactions().forEach(i -> contract.match(i.method(), i.path()).ifPresent(c -> {
            if (!c.service().equals(i.service())) {
                problems.add(i.name() + ": the gateway routes it to " + i.service() + ", the contract says "
                        + c.service());
            }
        }));
        if (!problems.isEmpty()) {
            throw new AssertionError("The bot makes gateway calls its contract does not cover (" + problems.size()
                    + "):\n  " + String.join("\n  ", problems) + "\nAdd them to tests/contracts/telegram-bot.json: "
                    + "regenerate it from the tests with\n  " + REGENERATE + "\nand review the diff (what the tests "
                    + "observed is in telegram-bot/target/contracts/telegram-bot.json); the services' builds then "
                    + "check that they give the bot what it relies on (tests/contracts/README.md).");
        }
        if (missing.isEmpty()) {
            List<String> unused = new ArrayList<>();
            for (ConsumerContract.Interaction i : contract.interactions()) {
                if (observed.interactions().stream().noneMatch(o -> o.method().equals(i.method())
                        && o.path().equals(i.path()))) {
                    unused.add(i.name());
                }
            }
            if (!unused.isEmpty()) {
                System.out.println("Note: tests/contracts/telegram-bot.json lists calls no test made: " + unused
                        + " — regenerate it if the bot no longer makes them: " + REGENERATE);
            }
        }
    }

    /** The concrete integration test classes of this package (those that share the WireMock gateway). */
    private static Set<String> integrationTestClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(BotIntegrationTest.class));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(BotIntegrationTest.class.getPackageName())) {
            names.add(definition.getBeanClassName());
        }
        return names;
    }
}
