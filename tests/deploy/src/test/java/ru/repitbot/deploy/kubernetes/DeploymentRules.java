package ru.repitbot.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every RepitBot Deployment must have, beyond being valid for the API (infrastructure/kubernetes/README.md):
 * the three probes on /livez and /readyz, requests and limits, a non-root read-only container that can gain nothing,
 * nothing mounted from the API, the Prometheus annotations on its own port. {@link #violations} lists what a
 * Deployment lacks, each line naming it.
 */
final class DeploymentRules {

    private DeploymentRules() {
    }

    static List<String> violations(Map<String, Object> deployment, int port) {
        String name = Fields.name(deployment);
        List<String> problems = new ArrayList<>();
        Map<String, Object> pod = Fields.map(deployment, "spec.template.spec");
        List<Map<String, Object>> containers = Fields.list(pod, "containers");
        if (containers.size() != 1) {
            problems.add(name + ": expected one container, found " + containers.size());
            return problems;
        }
        Map<String, Object> c = containers.getFirst();
        if (!(c.get("image") instanceof String image) || image.isBlank()) {
            problems.add(name + ": container has no image");
        }
        Integer httpPort = Fields.list(c, "ports").stream()
                .filter(p -> "http".equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort"))
                .findFirst().orElse(null);
        if (httpPort == null || httpPort != port) {
            problems.add(name + ": container port 'http' should be " + port + ", is " + httpPort);
        }

        probe(problems, name, c, "startupProbe", "/livez");
        probe(problems, name, c, "livenessProbe", "/livez");
        probe(problems, name, c, "readinessProbe", "/readyz");
        Object startupFailures = Fields.at(c, "startupProbe.failureThreshold");
        Object startupPeriod = Fields.at(c, "startupProbe.periodSeconds");
        if (startupFailures instanceof Integer f && startupPeriod instanceof Integer p && f * p < 90) {
            problems.add(name + ": startupProbe allows only " + f * p + " s (a JVM may need 40 s and more)");
        }

        for (String what : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            if (Fields.at(c, "resources." + what) == null) {
                problems.add(name + ": resources." + what + " missing");
            }
        }

        expect(problems, name, pod, "securityContext.runAsNonRoot", true);
        expect(problems, name, pod, "securityContext.runAsUser", 65532);
        expect(problems, name, pod, "securityContext.seccompProfile.type", "RuntimeDefault");
        expect(problems, name, pod, "automountServiceAccountToken", false);
        expect(problems, name, pod, "enableServiceLinks", false);
        expect(problems, name, c, "securityContext.allowPrivilegeEscalation", false);
        expect(problems, name, c, "securityContext.readOnlyRootFilesystem", true);
        expect(problems, name, c, "securityContext.runAsNonRoot", true);
        if (!List.of("ALL").equals(Fields.at(c, "securityContext.capabilities.drop"))) {
            problems.add(name + ": capabilities must drop ALL");
        }
        if (pod.get("hostNetwork") != null || pod.get("hostPID") != null || pod.get("hostIPC") != null) {
            problems.add(name + ": must not use the host's namespaces");
        }

        for (String path : List.of("/tmp", "/var/lib/repitbot")) {
            String volume = Fields.list(c, "volumeMounts").stream()
                    .filter(m -> path.equals(m.get("mountPath")))
                    .map(m -> (String) m.get("name"))
                    .findFirst().orElse(null);
            boolean emptyDir = volume != null && Fields.list(pod, "volumes").stream()
                    .anyMatch(v -> volume.equals(v.get("name")) && v.get("emptyDir") != null);
            if (!emptyDir) {
                problems.add(name + ": " + path + " must be a writable emptyDir (the root filesystem is read-only)");
            }
        }

        Map<String, Object> annotations = Fields.map(deployment, "spec.template.metadata.annotations");
        if (!"true".equals(annotations.get("prometheus.io/scrape"))
                || !String.valueOf(port).equals(annotations.get("prometheus.io/port"))
                || !"/metrics".equals(annotations.get("prometheus.io/path"))) {
            problems.add(name + ": pod annotations must say prometheus.io/scrape \"true\", port \"" + port
                    + "\", path /metrics; are " + annotations);
        }
        return problems;
    }

    private static void probe(List<String> problems, String name, Map<String, Object> c, String probe, String path) {
        if (!path.equals(Fields.at(c, probe + ".httpGet.path"))
                || !"http".equals(Fields.at(c, probe + ".httpGet.port"))) {
            problems.add(name + ": " + probe + " must GET " + path + " on port http, is " + c.get(probe));
        }
    }

    private static void expect(List<String> problems, String name, Object root, String path, Object expected) {
        Object actual = Fields.at(root, path);
        if (!expected.equals(actual)) {
            problems.add(name + ": " + path + " must be " + expected + ", is " + actual);
        }
    }
}
