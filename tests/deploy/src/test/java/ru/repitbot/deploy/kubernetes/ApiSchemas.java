package ru.repitbot.deploy.kubernetes;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Offline validation of rendered objects against the Kubernetes API's own schemas, through the official Java
 * client's generated models (Kubernetes API 1.33). Two steps per object: the model's {@code validateJsonElement}
 * refuses a field its schema does not define and a required field that is missing, at every level it descends into
 * (a Deployment's spec, its pod template, each container, each probe...); then reading the object into the model
 * with the client's own Gson refuses values of the wrong type ({@code replicas: two}) and malformed quantities
 * ({@code memory: 512MB}). An apiVersion/kind this installation does not use is refused too, so a new kind needs
 * its schema named here.
 */
final class ApiSchemas {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class));

    private static final Gson PLAIN = new Gson();

    private ApiSchemas() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming the object and what its schema refuses; returns quietly when
     * the object is valid.
     */
    static void validate(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        String name = Fields.name(object);
        Class<?> model = MODELS.get(type);
        if (model == null) {
            throw new IllegalArgumentException(type + " " + name + ": no schema known for this apiVersion/kind");
        }
        JsonElement json = PLAIN.toJsonTree(object);
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
            JSON.getGson().fromJson(json, model);
        } catch (InvocationTargetException e) {
            throw refused(type, name, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        } catch (RuntimeException e) {
            throw refused(type, name, e);
        }
    }

    private static IllegalArgumentException refused(String type, String name, Throwable cause) {
        return new IllegalArgumentException(type + " " + name + " is refused by its API schema: "
                + cause.getMessage(), cause);
    }
}
