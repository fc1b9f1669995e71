package ru.repitbot.config.edges;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The smallest service shared/config can make: every auto-configuration of a real service and two endpoints. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EdgeController.class)
public class EdgeApp {
}
