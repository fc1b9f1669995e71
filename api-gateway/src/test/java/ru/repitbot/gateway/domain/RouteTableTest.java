package ru.repitbot.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void everyResourceOfTheContractHasOneOwner() {
        List<String> prefixes = RouteTable.SERVICES.stream().flatMap(s -> s.paths().stream()).toList();

        assertThat(prefixes).doesNotHaveDuplicates().contains("/api/v1/auth/**", "/.well-known/jwks.json",
                "/api/v1/users/**", "/api/v1/lessons/**", "/api/v1/schedules/**", "/api/v1/calendar/**",
                "/api/v1/homework/**", "/api/v1/payments/**", "/api/v1/balances/**", "/api/v1/prices/**",
                "/api/v1/notifications/**", "/api/v1/messages/**", "/api/v1/broadcasts/**",
                "/api/v1/materials/**", "/api/v1/analytics/**", "/api/v1/reports/**", "/api/v1/achievements/**",
                "/api/v1/points/**", "/api/v1/scheduler/**");
        assertThat(RouteTable.serviceNames()).hasSize(10);
    }

    @Test
    void internalEndpointsAreNeitherRoutedNorOpen() {
        assertThat(RouteTable.SERVICES).allSatisfy(s ->
                assertThat(s.paths()).noneMatch(p -> p.startsWith("/internal")));
        assertThat(RouteTable.openPaths()).noneMatch(p -> p.startsWith("/internal"))
                .contains("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/token",
                        "/api/v1/calendar/**", "/health", "/metrics", "/docs");
        assertThat(RouteTable.openPaths()).doesNotContain("/api/v1/auth/**", "/api/v1/users/**");
    }
}
