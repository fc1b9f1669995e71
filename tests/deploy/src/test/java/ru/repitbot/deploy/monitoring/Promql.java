package ru.repitbot.deploy.monitoring;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of PromQL's lexical shape to name the metrics a query reads (syntax is promtool's job). */
final class Promql {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private Promql() {
    }

    /** The query as Prometheus runs it, Grafana's variables given values that select everything. */
    static String withGrafanaVariables(String expr, String rateInterval) {
        return expr.replace("$__rate_interval", rateInterval).replace("$__interval", rateInterval)
                .replace("$__range", "1h").replace("$application", ".+");
    }

    /** Metric names the query selects ({@code foo_total{…}[5m]}, {@code foo offset 1m}), functions and keywords left out. */
    static Set<String> metricNames(String expr) {
        String s = STRING.matcher(expr).replaceAll("\"\"");
        s = s.replaceAll("#[^\n]*", " ");
        s = s.replaceAll("\\{[^}]*}", " ");
        s = s.replaceAll("\\[[^]]*]", " ");
        s = LABEL_LIST.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\boffset\\s+-?[0-9a-z]+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String word = m.group(1);
            boolean function = m.group(2) != null;
            if (!function && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }
}
