package ru.repitbot.events.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.catalogue.Change;
import ru.repitbot.events.catalogue.EventTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of each event type's payload, derived from its record exactly as {@code EventCodec} writes it:
 * snake_case names, wire values of enums, date-times and money as strings, nullable where the component is not a
 * primitive, only-changed fields of a change set optional. The committed copies
 * ({@code src/main/resources/events/<type>.schema.json}) are the producer side of the event contracts
 * (docs/architecture/conventions.md, "Events").
 */
public final class EventSchemas {

    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventSchemas() {
    }

    /** Every event type of the catalogue with its schema, in catalogue order. */
    public static Map<String, JsonNode> catalogue() {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        EventTypes.catalogue().forEach((type, name) -> schemas.put(name, of(name, type)));
        return schemas;
    }

    /** The schema of one payload record. */
    public static ObjectNode of(String eventType, Class<? extends EventPayload> payload) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DRAFT);
        schema.put("$id", "events/" + eventType + ".schema.json");
        schema.put("title", eventType);
        schema.put("description", "data of " + eventType + " (" + payload.getName().replace('$', '.') + ")");
        schema.setAll(node(payload, false, Map.of()));
        return schema;
    }

    static ObjectNode node(Type type, boolean nullable, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return node(bound == null ? Object.class : bound, nullable, bindings);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = typed("array", nullable);
                array.set("items", node(parameterized.getActualTypeArguments()[0], false, bindings));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return typed("object", nullable);
            }
            Map<TypeVariable<?>, Type> inner = new LinkedHashMap<>(bindings);
            TypeVariable<?>[] variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                inner.put(variables[i], parameterized.getActualTypeArguments()[i]);
            }
            return node(raw, nullable, inner);
        }
        Class<?> c = (Class<?>) type;
        if (c == long.class || c == int.class || c == short.class) {
            return typed("integer", false);
        }
        if (c == boolean.class) {
            return typed("boolean", false);
        }
        if (c == double.class || c == float.class) {
            return typed("number", false);
        }
        if (c == Long.class || c == Integer.class || c == Short.class) {
            return typed("integer", nullable);
        }
        if (c == Boolean.class) {
            return typed("boolean", nullable);
        }
        if (c == String.class) {
            return typed("string", nullable);
        }
        if (c == OffsetDateTime.class || c == Instant.class) {
            return typed("string", nullable).put("format", "date-time");
        }
        if (c == BigDecimal.class) {
            return typed("string", nullable).put("format", "decimal");
        }
        if (c.isEnum()) {
            ObjectNode node = typed("string", nullable);
            ArrayNode values = node.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(wireValue((Enum<?>) constant));
            }
            if (nullable) {
                values.addNull();
            }
            return node;
        }
        if (c.isRecord()) {
            return record(c, nullable, bindings);
        }
        return typed("object", nullable);
    }

    private static ObjectNode record(Class<?> record, boolean nullable, Map<TypeVariable<?>, Type> bindings) {
        ObjectNode node = typed("object", nullable);
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        // A change set carries only the fields that changed: none of its properties is required.
        boolean onlyPresent = isChangeSet(record);
        RecordComponent typedView = null;
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                typedView = component;
                continue;
            }
            String name = wireName(component.getAccessor(), component.getName());
            properties.set(name, node(component.getGenericType(), !component.getType().isPrimitive(), bindings));
            if (!onlyPresent) {
                required.add(name);
            }
        }
        // Wire properties computed from a typed view (user.updated's changes/previous maps of UserChanges).
        for (Method method : record.getDeclaredMethods()) {
            JsonProperty property = method.getAnnotation(JsonProperty.class);
            if (property == null || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0
                    || isAccessor(record, method)) {
                continue;
            }
            properties.set(property.value(), valueMap(typedView, bindings));
            required.add(property.value());
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        node.put("additionalProperties", false);
        return node;
    }

    /** {@code {field: value}} of a typed change set: the values' types, every field optional. */
    private static ObjectNode valueMap(RecordComponent typedView, Map<TypeVariable<?>, Type> bindings) {
        ObjectNode map = typed("object", false);
        if (typedView == null || !typedView.getType().isRecord()) {
            return map;
        }
        ObjectNode properties = map.putObject("properties");
        for (RecordComponent field : typedView.getType().getRecordComponents()) {
            Type valueType = field.getGenericType() instanceof ParameterizedType p
                    && p.getRawType() == Change.class ? p.getActualTypeArguments()[0] : field.getGenericType();
            properties.set(wireName(field.getAccessor(), field.getName()), node(valueType, true, bindings));
        }
        map.put("additionalProperties", false);
        return map;
    }

    static boolean isChangeSet(Class<?> record) {
        JsonInclude include = record.getAnnotation(JsonInclude.class);
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    private static boolean isAccessor(Class<?> record, Method method) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().equals(method)) {
                return true;
            }
        }
        return false;
    }

    static String wireName(Method accessor, String name) {
        JsonProperty property = accessor.getAnnotation(JsonProperty.class);
        if (property != null && !property.value().isEmpty()) {
            return property.value();
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static ObjectNode typed(String type, boolean nullable) {
        ObjectNode node = NODES.objectNode();
        if (nullable) {
            node.putArray("type").add(type).add("null");
        } else {
            node.put("type", type);
        }
        return node;
    }

    private static String wireValue(Enum<?> constant) {
        for (Method method : constant.getDeclaringClass().getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                try {
                    return String.valueOf(method.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constant.name();
    }
}
