package ru.repitbot.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import ru.repitbot.gateway.config.GatewaySettings;

/** RepitBot's single public entry: routes the REST API to the services, checks tokens, limits rates. */
@SpringBootApplication
@EnableConfigurationProperties(GatewaySettings.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
