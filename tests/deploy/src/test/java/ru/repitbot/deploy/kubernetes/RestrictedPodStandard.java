package ru.repitbot.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "restricted" Pod Security Standard (kubernetes.io/docs/concepts/security/pod-security-standards), which the
 * overlays' namespaces enforce: a pod template breaking it would be refused by the API server at run time, long
 * after {@code kubectl apply} said "configured". {@link #violations} names what a pod template breaks.
 */
final class RestrictedPodStandard {

    private static final Set<String> ALLOWED_VOLUMES = Set.of("name", "configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private RestrictedPodStandard() {
    }

    static List<String> violations(String owner, Map<String, Object> podSpec) {
        List<String> problems = new ArrayList<>();
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Boolean.TRUE.equals(podSpec.get(host))) {
                problems.add(owner + ": " + host);
            }
        }
        for (Map<String, Object> volume : Fields.list(podSpec, "volumes")) {
            for (String type : volume.keySet()) {
                if (!ALLOWED_VOLUMES.contains(type)) {
                    problems.add(owner + ": volume " + volume.get("name") + " of type " + type);
                }
            }
        }
        Map<String, Object> pod = Fields.map(podSpec, "securityContext");
        List<Map<String, Object>> containers = new ArrayList<>(Fields.list(podSpec, "containers"));
        containers.addAll(Fields.list(podSpec, "initContainers"));
        for (Map<String, Object> c : containers) {
            String name = owner + "/" + c.get("name");
            Map<String, Object> sc = Fields.map(c, "securityContext");
            if (Boolean.TRUE.equals(sc.get("privileged"))) {
                problems.add(name + ": privileged");
            }
            if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                problems.add(name + ": allowPrivilegeEscalation must be false");
            }
            if (!List.of("ALL").equals(Fields.at(sc, "capabilities.drop"))) {
                problems.add(name + ": capabilities must drop ALL");
            }
            List<?> added = Fields.at(sc, "capabilities.add") instanceof List<?> l ? l : List.of();
            if (!added.isEmpty() && !List.of("NET_BIND_SERVICE").equals(added)) {
                problems.add(name + ": adds capabilities " + added);
            }
            Object nonRoot = sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : pod.get("runAsNonRoot");
            if (!Boolean.TRUE.equals(nonRoot)) {
                problems.add(name + ": runAsNonRoot must be true");
            }
            Object user = sc.containsKey("runAsUser") ? sc.get("runAsUser") : pod.get("runAsUser");
            if (Integer.valueOf(0).equals(user)) {
                problems.add(name + ": runAsUser 0");
            }
            Object seccomp = sc.containsKey("seccompProfile")
                    ? Fields.at(sc, "seccompProfile.type") : Fields.at(pod, "seccompProfile.type");
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                problems.add(name + ": seccompProfile must be RuntimeDefault or Localhost, is " + seccomp);
            }
            for (Map<String, Object> port : Fields.list(c, "ports")) {
                if (port.containsKey("hostPort")) {
                    problems.add(name + ": hostPort " + port.get("hostPort"));
                }
            }
        }
        return problems;
    }
}
