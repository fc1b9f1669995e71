package ru.repitbot.deploy.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * Evaluates the rendered NetworkPolicies the way the Kubernetes network model defines them, for ingress: a pod that
 * no policy selects accepts everything; a selected pod accepts a connection when any selecting policy has a rule
 * whose peer and port match. Enough of the semantics to ask "may this pod reach that one on that port".
 */
final class NetworkPolicies {

    /** A pod that opens a connection: its labels, and its namespace's name and labels. */
    record Peer(Map<String, String> labels, String namespace, Map<String, String> namespaceLabels) {

        static Peer inNamespace(String namespace, Map<String, String> labels) {
            return new Peer(labels, namespace, Map.of("kubernetes.io/metadata.name", namespace));
        }
    }

    /** The pod that accepts: its labels and its named container ports. */
    record Target(String name, Map<String, String> labels, Map<String, Integer> namedPorts) {
    }

    private final List<Map<String, Object>> policies;
    private final String namespace;

    NetworkPolicies(List<Map<String, Object>> objects, String namespace) {
        this.policies = objects.stream().filter(o -> "NetworkPolicy".equals(Fields.kind(o))).toList();
        this.namespace = namespace;
    }

    /** Policies (with ingress in their policyTypes) selecting the pod. */
    List<Map<String, Object>> selecting(Map<String, String> podLabels) {
        return policies.stream()
                .filter(p -> Fields.at(p, "spec.policyTypes") instanceof List<?> types && types.contains("Ingress")
                        || Fields.at(p, "spec.policyTypes") == null)
                .filter(p -> matches(Fields.map(p, "spec.podSelector"), podLabels))
                .toList();
    }

    boolean allows(Peer from, Target to, int port) {
        List<Map<String, Object>> selecting = selecting(to.labels());
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : selecting) {
            for (Map<String, Object> rule : Fields.list(policy, "spec.ingress")) {
                if (peerMatches(rule, from) && portMatches(rule, to, port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean peerMatches(Map<String, Object> rule, Peer from) {
        if (!rule.containsKey("from")) {
            return true;
        }
        for (Map<String, Object> peer : Fields.list(rule, "from")) {
            if (peer.containsKey("ipBlock")) {
                continue;
            }
            Object podSelector = peer.get("podSelector");
            Object namespaceSelector = peer.get("namespaceSelector");
            boolean namespaceOk = namespaceSelector == null
                    ? namespace.equals(from.namespace())
                    : matches(Fields.map(peer, "namespaceSelector"), from.namespaceLabels());
            boolean podOk = podSelector == null || matches(Fields.map(peer, "podSelector"), from.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(Map<String, Object> rule, Target to, int port) {
        if (!rule.containsKey("ports")) {
            return true;
        }
        for (Map<String, Object> p : Fields.list(rule, "ports")) {
            Object value = p.get("port");
            if (value == null) {
                return true;
            }
            Integer number = value instanceof Integer i ? i : to.namedPorts().get(String.valueOf(value));
            if (number != null && number == port) {
                return true;
            }
        }
        return false;
    }

    /** A label selector (matchLabels and matchExpressions); the empty selector matches everything. */
    static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : Fields.labels(selector.get("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> expression : Fields.list(selector, "matchExpressions")) {
            String key = (String) expression.get("key");
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) expression.getOrDefault("values", List.of());
            String actual = labels.get(key);
            boolean ok = switch ((String) expression.get("operator")) {
                case "In" -> actual != null && values.contains(actual);
                case "NotIn" -> actual == null || !values.contains(actual);
                case "Exists" -> actual != null;
                case "DoesNotExist" -> actual == null;
                default -> throw new IllegalArgumentException("unknown selector operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
