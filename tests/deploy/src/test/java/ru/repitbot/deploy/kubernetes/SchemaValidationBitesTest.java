package ru.repitbot.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.custom.QuantityFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@link KubernetesManifestsTest} refuse what they should: manifests with a typo'd field or a missing
 * required one, rendered by the same kustomize, are refused by the API schemas; Deployments that are valid for the
 * API but break our rules are refused by {@link DeploymentRules}.
 */
class SchemaValidationBitesTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: lesson-service
            spec:
              %s
              selector:
                matchLabels:
                  app.kubernetes.io/name: lesson-service
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: lesson-service
                spec:
                  containers:
                    - %s
                      ports:
                        - name: http
                          containerPort: 8003
                      readinessProbe:
                        httpGet:
                          %s: /readyz
                          port: http
            """;

    private Map<String, Object> render(String replicas, String container, String probePathField) throws Exception {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - deployment.yaml\n");
        Files.writeString(dir.resolve("deployment.yaml"), DEPLOYMENT.formatted(replicas, container, probePathField));
        List<Map<String, Object>> objects = Kustomize.render(dir).objects();
        assertThat(objects).hasSize(1);
        return objects.getFirst();
    }

    @Test
    void aWellFormedDeploymentPasses() throws Exception {
        Map<String, Object> ok = render("replicas: 2", "name: app\n          image: ghcr.io/repitbot/x:1", "path");
        assertThatCode(() -> ApiSchemas.validate(ok)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownFieldIsRefused() throws Exception {
        Map<String, Object> typo = render("replica: 2", "name: app\n          image: ghcr.io/repitbot/x:1", "path");
        assertThatThrownBy(() -> ApiSchemas.validate(typo))
                .hasMessageContaining("Deployment lesson-service")
                .hasMessageContaining("`replica`");
    }

    @Test
    void anUnknownFieldDeepInsideIsRefused() throws Exception {
        Map<String, Object> typo = render("replicas: 2", "name: app\n          image: ghcr.io/repitbot/x:1", "paht");
        assertThatThrownBy(() -> ApiSchemas.validate(typo)).hasMessageContaining("`paht`");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() throws Exception {
        Map<String, Object> words = render("replicas: two", "name: app\n          image: ghcr.io/repitbot/x:1", "path");
        assertThatThrownBy(() -> ApiSchemas.validate(words)).hasMessageContaining("Deployment lesson-service")
                .hasMessageContaining("two");
    }

    @Test
    void aMalformedQuantityIsRefused() throws Exception {
        Map<String, Object> megabytes = render("replicas: 2", "name: app\n          image: ghcr.io/repitbot/x:1"
                + "\n          resources:\n            limits:\n              memory: 512MB", "path");
        assertThatThrownBy(() -> ApiSchemas.validate(megabytes)).hasMessageContaining("Deployment lesson-service")
                .hasRootCauseInstanceOf(QuantityFormatException.class);
    }

    @Test
    void aContainerWithoutNameIsRefused() throws Exception {
        Map<String, Object> nameless = render("replicas: 2", "image: ghcr.io/repitbot/x:1", "path");
        assertThatThrownBy(() -> ApiSchemas.validate(nameless))
                .hasMessageContaining("required field `name`");
    }

    @Test
    void aContainerWithoutImageIsValidForTheApiButRefusedByOurRules() throws Exception {
        // The API leaves a container's image optional (for tools that fill it in later): our rules do not.
        Map<String, Object> imageless = render("replicas: 2", "name: app", "path");
        assertThatCode(() -> ApiSchemas.validate(imageless)).doesNotThrowAnyException();
        assertThat(DeploymentRules.violations(imageless, 8003))
                .contains("lesson-service: container has no image")
                .anyMatch(v -> v.contains("startupProbe"))
                .anyMatch(v -> v.contains("readOnlyRootFilesystem"))
                .anyMatch(v -> v.contains("resources.limits.memory"))
                .anyMatch(v -> v.contains("/tmp must be a writable emptyDir"))
                .anyMatch(v -> v.contains("prometheus.io/scrape"));
    }

    @Test
    void aPodTheRestrictedStandardRefusesIsNamed() {
        Map<String, Object> pod = Map.of(
                "securityContext", Map.of("runAsNonRoot", true, "seccompProfile", Map.of("type", "RuntimeDefault")),
                "volumes", List.of(Map.of("name", "docker", "hostPath", Map.of("path", "/var/run/docker.sock"))),
                "containers", List.of(
                        Map.of("name", "ok", "securityContext", Map.of("allowPrivilegeEscalation", false,
                                "capabilities", Map.of("drop", List.of("ALL")))),
                        Map.of("name", "root", "securityContext", Map.of("privileged", true, "runAsUser", 0,
                                "runAsNonRoot", false))));
        assertThat(RestrictedPodStandard.violations("StatefulSet x", pod)).containsExactlyInAnyOrder(
                "StatefulSet x: volume docker of type hostPath",
                "StatefulSet x/root: privileged",
                "StatefulSet x/root: allowPrivilegeEscalation must be false",
                "StatefulSet x/root: capabilities must drop ALL",
                "StatefulSet x/root: runAsNonRoot must be true",
                "StatefulSet x/root: runAsUser 0");
    }

    @Test
    void aKindWithoutAKnownSchemaIsRefused() {
        Map<String, Object> cronJob = Map.of("apiVersion", "batch/v1", "kind", "CronJob",
                "metadata", Map.of("name", "backup"));
        assertThatThrownBy(() -> ApiSchemas.validate(cronJob)).hasMessageContaining("no schema known");
    }
}
