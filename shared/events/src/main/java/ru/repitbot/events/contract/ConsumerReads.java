package ru.repitbot.events.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.catalogue.Change;
import ru.repitbot.events.catalogue.EventTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a consumer reads of the events it subscribes to, found in its compiled code: the catalogue records it names
 * as class literals ({@code EventSubscription.on(LessonEvents.Updated.class, …)}) are its subscriptions, and every
 * call of a record accessor ({@code updated.changes().attendanceStatus()}, method references too) is a field it
 * reads. Each read field is declared with the type the consumer expects (its schema, as the consumer's build sees
 * the record); containers (records, lists) only by their type, their read fields by their own paths.
 */
public final class ConsumerReads {

    private ConsumerReads() {
    }

    /**
     * {@code {"consumer": name, "reads": {event type: {path: schema}}}} for the main (not test) classes under
     * {@code packages}.
     */
    public static ObjectNode declaration(String consumer, String... packages) {
        return declaration(false, consumer, packages);
    }

    static ObjectNode declaration(boolean withTestClasses, String consumer, String... packages) {
        Scan scan = new Scan(withTestClasses);
        for (String pkg : packages) {
            scan.read(pkg);
        }
        ObjectNode reads = JsonNodeFactory.instance.objectNode();
        Map<String, Map<String, JsonNode>> byType = new TreeMap<>();
        EventTypes.catalogue().forEach((payload, type) -> {
            if (!scan.classLiterals.contains(payload.getName())) {
                return;
            }
            Map<String, Set<String>> index = index(payload);
            JsonNode schema = EventSchemas.of(type, payload);
            Map<String, JsonNode> fields = new TreeMap<>();
            for (String call : scan.calls) {
                for (String path : index.getOrDefault(call, Set.of())) {
                    fields.put(path, declared(Paths.at(schema, path)));
                }
            }
            byType.put(type, fields);
        });
        byType.forEach((type, fields) -> {
            ObjectNode node = reads.putObject(type);
            fields.forEach(node::set);
        });
        ObjectNode declaration = JsonNodeFactory.instance.objectNode();
        declaration.put("consumer", consumer);
        declaration.put("generated_by", "ConsumerReads from the consumer's compiled code; "
                + "regenerate with -Devents.contracts.write=true");
        declaration.set("reads", reads);
        return declaration;
    }

    /** A leaf as the consumer reads it in full; a container by its type only (its read fields are listed apart). */
    private static JsonNode declared(JsonNode schema) {
        boolean container = schema.has("items")
                || (schema.has("properties") && !isChange(schema));
        if (!container) {
            return schema;
        }
        ObjectNode type = JsonNodeFactory.instance.objectNode();
        type.set("type", schema.get("type"));
        return type;
    }

    private static boolean isChange(JsonNode schema) {
        JsonNode properties = schema.get("properties");
        return properties.size() == 2 && properties.has("old") && properties.has("new");
    }

    /** {@code owner#accessor} of every record reachable from {@code payload} → the wire paths it reads. */
    static Map<String, Set<String>> index(Class<? extends EventPayload> payload) {
        Map<String, Set<String>> index = new TreeMap<>();
        walk(payload, "", index);
        return index;
    }

    private static void walk(Class<?> record, String prefix, Map<String, Set<String>> index) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = record.getName().replace('.', '/') + "#" + component.getName();
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                // A typed view of wire maps (user.updated's fields → changes/previous): each field read is read in
                // both maps.
                Class<?> view = component.getType();
                add(index, key, prefix + "changes");
                add(index, key, prefix + "previous");
                for (RecordComponent field : view.getRecordComponents()) {
                    String name = EventSchemas.wireName(field.getAccessor(), field.getName());
                    String fieldKey = view.getName().replace('.', '/') + "#" + field.getName();
                    add(index, fieldKey, prefix + "changes." + name);
                    add(index, fieldKey, prefix + "previous." + name);
                }
                continue;
            }
            String path = prefix + EventSchemas.wireName(component.getAccessor(), component.getName());
            add(index, key, path);
            Type type = component.getGenericType();
            if (component.getType().isRecord() && component.getType() != Change.class) {
                walk(component.getType(), path + ".", index);
            } else if (type instanceof ParameterizedType p && java.util.Collection.class.isAssignableFrom(
                    component.getType()) && p.getActualTypeArguments()[0] instanceof Class<?> item
                    && item.isRecord()) {
                walk(item, path + "[].", index);
            }
        }
    }

    private static void add(Map<String, Set<String>> index, String key, String path) {
        index.computeIfAbsent(key, k -> new TreeSet<>()).add(path);
    }

    /** Class literals and called methods ({@code owner#name}) of the compiled classes of some packages. */
    private static final class Scan {
        final Set<String> classLiterals = new LinkedHashSet<>();
        final Set<String> calls = new LinkedHashSet<>();
        private final boolean withTestClasses;

        Scan(boolean withTestClasses) {
            this.withTestClasses = withTestClasses;
        }

        void read(String pkg) {
            try {
                // A service's tests build and read events of every kind; what counts is what its code reads.
                Resource[] classes = java.util.Arrays.stream(new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:" + pkg.replace('.', '/') + "/**/*.class"))
                        .filter(r -> withTestClasses || !String.valueOf(describe(r)).contains("/test-classes/"))
                        .toArray(Resource[]::new);
                if (classes.length == 0) {
                    throw new IllegalArgumentException("no compiled classes under " + pkg);
                }
                for (Resource resource : classes) {
                    try (InputStream in = resource.getInputStream()) {
                        new ClassReader(in).accept(visitor(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String describe(Resource resource) {
            try {
                return resource.getURL().toString();
            } catch (IOException e) {
                return resource.getDescription();
            }
        }

        private ClassVisitor visitor() {
            MethodVisitor method = new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                        boolean isInterface) {
                    calls.add(owner + "#" + name);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof org.springframework.asm.Type type
                            && type.getSort() == org.springframework.asm.Type.OBJECT) {
                        classLiterals.add(type.getClassName());
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                        Object... arguments) {
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            calls.add(handle.getOwner() + "#" + handle.getName());
                        }
                    }
                }
            };
            return new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return method;
                }
            };
        }
    }
}
