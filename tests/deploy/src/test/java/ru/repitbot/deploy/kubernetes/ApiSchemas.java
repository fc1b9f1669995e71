package ru.repitbot.deploy.kubernetes;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.util.Map;

/**
 * Offline validation of rendered objects against the Kubernetes API's own schemas, through the official Java
 * client's generated models (Kubernetes API 1.33): each model's {@code validateJsonElement} refuses a field its
 * schema does not define and a required field that is missing, at every level it descends into (a Deployment's
 * spec, its pod template, each container, each probe...). An apiVersion/kind this installation does not use is
 * refused too, so a new kind needs its schema named here.
 */
final class ApiSchemas {

    @FunctionalInterface
    private interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    private static final Map<String, Validator> VALIDATORS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace::validateJsonElement),
            Map.entry("v1/ConfigMap", V1ConfigMap::validateJsonElement),
            Map.entry("v1/Secret", V1Secret::validateJsonElement),
            Map.entry("v1/Service", V1Service::validateJsonElement),
            Map.entry("apps/v1/Deployment", V1Deployment::validateJsonElement),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet::validateJsonElement),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement));

    private static final Gson GSON = new Gson();

    private ApiSchemas() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming the object and what its schema refuses; returns quietly when
     * the object is valid.
     */
    static void validate(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        String name = Fields.name(object);
        Validator validator = VALIDATORS.get(type);
        if (validator == null) {
            throw new IllegalArgumentException(type + " " + name + ": no schema known for this apiVersion/kind");
        }
        try {
            validator.validate(GSON.toJsonTree(object));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(type + " " + name + " is refused by its API schema: "
                    + e.getMessage(), e);
        }
    }
}
