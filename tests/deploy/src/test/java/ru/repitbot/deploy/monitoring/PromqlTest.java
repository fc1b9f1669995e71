package ru.repitbot.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric-name reader the dashboard checks rely on: it must not miss a name nor take a label or a function for one. */
class PromqlTest {

    @Test
    void namesTheMetricsOfAQueryAndNothingElse() {
        assertThat(Promql.metricNames("""
                histogram_quantile(0.99, sum by (application, le) (rate(http_server_requests_seconds_bucket{application=~"a|b", \
                uri!~"/metrics|/health.*"}[$__rate_interval]))) > 1 and on (application) max(up offset 5m) \
                or sum without (instance) (foo:bar_total) / ignoring(pool) group_left(le) hikaricp_connections_max * 1e3"""))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up", "foo:bar_total",
                        "hikaricp_connections_max");
        assertThat(Promql.metricNames("a_total # a comment naming words\n or b_total{x=\"#not a comment\"}"))
                .containsExactlyInAnyOrder("a_total", "b_total");
        assertThat(Promql.metricNames("sum by (type) (increase(repitbot_outbox_published_total{type=~\"lesson\\\\.created\"}[1d]))"))
                .containsExactly("repitbot_outbox_published_total");
    }

    @Test
    void grafanaVariablesBecomeValuesPrometheusAccepts() {
        assertThat(Promql.withGrafanaVariables("rate(x{application=~\"$application\"}[$__rate_interval])", "1m"))
                .isEqualTo("rate(x{application=~\".+\"}[1m])");
    }
}
