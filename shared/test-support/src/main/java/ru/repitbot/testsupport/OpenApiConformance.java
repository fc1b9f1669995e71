package ru.repitbot.testsupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * The OpenAPI document of a running service compared with the service itself (docs/architecture/contracts.md, "API
 * style"). From any {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}:
 *
 * <pre>{@code
 * @Autowired ApplicationContext context;
 * @LocalServerPort int port;
 *
 * @Test
 * void theApiDocumentDescribesTheRealApi() {
 *     OpenApiConformance.assertConforms(context, port);
 * }
 * }</pre>
 *
 * It fails, naming the operation and the item, when
 * <ol>
 * <li><b>parameters</b>: the document names a query, path, header or cookie parameter the handler method does not
 * read (e.g. a {@code caller} query parameter for a {@code CurrentUser} argument), or the handler reads one
 * ({@code @RequestParam}, {@code @PathVariable}, {@code @RequestHeader}, {@code @CookieValue}, a model attribute's
 * fields) that the document does not list; an operation no handler serves;</li>
 * <li><b>schemas</b>: a component schema is not a wire type — its name is no record, enum or class under
 * {@code ru.repitbot} (Spring and Java internals: {@code ResponseEntity…}, {@code HttpHeaders}, {@code MultipartFile},
 * {@code Resource}, {@code Object}…) — or a record's schema disagrees with the record: a field missing or extra, or
 * a type that is not the one the field travels as (a {@code long} documented as a string…);</li>
 * <li><b>answers</b>: an error answer that is not {@code application/problem+json}; an operation without its
 * standard errors (400 with input, 401 with a token, 404 with an object in the path); a POST to a collection
 * (one with a GET at {@code /{id}} below it) that does not answer 201; a 201 without
 * {@code Location}; a JSON answer documented as {@code *}{@code /*}; a handler answering raw text or bytes
 * (String, byte[], Resource) without declaring what it produces.</li>
 * </ol>
 * {@link #violations(ApplicationContext, int)} returns the findings instead of failing.
 */
public final class OpenApiConformance {

    private static final Set<String> BUILT_IN_SCHEMAS = Set.of("Problem", "ProblemField");
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Java types springdoc may append to a generic record's schema name (PageResponseString…). */
    private static final Set<String> JAVA_TYPE_NAMES = Set.of("String", "Long", "Integer", "Boolean", "Double",
            "BigDecimal", "Object", "Instant", "OffsetDateTime", "LocalDate", "UUID");

    private final ApplicationContext context;
    private final OpenApiDocument document;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, List<String>> classesBySimpleName;
    private final Map<String, Optional<Class<?>>> generics = new HashMap<>();

    private OpenApiConformance(ApplicationContext context, JsonNode document) {
        this.context = context;
        this.document = OpenApiDocument.of(document);
        this.classesBySimpleName = classesUnder("ru.repitbot", context.getClassLoader());
    }

    /** Fails with every violation, one per line, when the service's document does not describe it. */
    public static void assertConforms(ApplicationContext context, int port) {
        List<String> found = violations(context, port);
        if (!found.isEmpty()) {
            throw new AssertionError("The OpenAPI document of " + context.getEnvironment()
                    .getProperty("spring.application.name", "the service") + " does not describe the real API ("
                    + found.size() + "):\n  " + String.join("\n  ", found));
        }
    }

    /** The violations of the service at {@code port} (served by {@code context}), one readable line each. */
    public static List<String> violations(ApplicationContext context, int port) {
        OpenApiDocument document;
        try {
            document = OpenApiDocument.fetch(port);
        } catch (IllegalStateException notServed) {
            return List.of(notServed.getMessage());
        }
        return violations(context, document.json());
    }

    /** The violations of {@code document} against the handlers of {@code context}. */
    public static List<String> violations(ApplicationContext context, JsonNode document) {
        OpenApiConformance check = new OpenApiConformance(context, document);
        check.operations();
        check.schemas();
        return List.copyOf(check.violations);
    }

    // ---------------------------------------------------------------------------------------------- operations

    private void operations() {
        ServiceHandlers handlers = new ServiceHandlers(context);
        for (OpenApiDocument.Operation operation : document.operations()) {
            String name = operation.name();
            String method = operation.method().toLowerCase(Locale.ROOT);
            Map<RequestMappingInfo, HandlerMethod> served = handlers.served(operation.path(), method);
            if (served.isEmpty()) {
                violations.add(name + ": no handler serves this operation");
            } else {
                parameters(name, operation.node(), handlers.reads(List.copyOf(served.values())));
                served.forEach((info, handler) -> rawAnswer(name, operation.node(), info, handler));
            }
            answers(name, operation.path(), operation.node());
            if (method.equals("post")) {
                creation(name, operation.path(), operation.node());
            }
        }
    }

    private void parameters(String operationName, JsonNode operation, ServiceHandlers.Reads reads) {
        Set<String> bodyProperties = requestBodyProperties(operation);
        Map<String, Set<String>> documented = new HashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = document.resolve(parameter);
            String in = p.path("in").asString();
            String name = p.path("name").asString();
            documented.computeIfAbsent(in, k -> new TreeSet<>())
                    .add("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name);
            if (!reads.has(in, name)) {
                violations.add(operationName + ": documents " + in + " parameter '" + name
                        + "' that the handler does not read" + ("caller".equals(name)
                        ? " (a CurrentUser argument comes from the token)" : ""));
            }
        }
        reads.byLocation().forEach((in, names) -> names.forEach(name -> {
            boolean listed = documented.getOrDefault(in, Set.of()).contains(name)
                    || ("query".equals(in) && bodyProperties.contains(name));
            if (!listed) {
                violations.add(operationName + ": the handler reads " + in + " parameter '" + name
                        + "' that the document does not list");
            }
        }));
    }

    /**
     * A handler that answers raw text or bytes (a String, byte[], a Resource…) must say what they are
     * ({@code produces = "text/calendar"}, or the answer's content in {@code @ApiResponse}); without it the document
     * calls the answer application/json.
     */
    private void rawAnswer(String operationName, JsonNode operation, RequestMappingInfo info, HandlerMethod handler) {
        MethodParameter returned = handler.getReturnType();
        Type type = returned.getGenericParameterType();
        Class<?> raw = raw(type);
        if (raw != null && org.springframework.http.HttpEntity.class.isAssignableFrom(raw)
                && type instanceof ParameterizedType p) {
            type = p.getActualTypeArguments()[0];
            raw = raw(type);
        }
        boolean rawBody = raw != null && (raw == String.class || raw == byte[].class
                || raw.getName().equals("org.springframework.core.io.Resource")
                || raw.getName().startsWith("org.springframework.core.io.") || java.io.InputStream.class
                .isAssignableFrom(raw) || raw.getSimpleName().equals("StreamingResponseBody"));
        boolean documentedAsJson = operation.path("responses").properties().stream()
                .filter(r -> r.getKey().startsWith("2"))
                .anyMatch(r -> r.getValue().path("content").propertyNames().stream().anyMatch(t -> t.contains("json")));
        if (rawBody && info.getProducesCondition().isEmpty() && documentedAsJson) {
            violations.add(operationName + ": the handler answers a raw " + raw.getSimpleName()
                    + " without declaring produces (the document calls it application/json)");
        }
    }

    private Set<String> requestBodyProperties(JsonNode operation) {
        Set<String> names = new LinkedHashSet<>();
        document.resolve(operation.path("requestBody")).path("content").properties().forEach(media -> {
            if (media.getKey().startsWith("multipart/") || media.getKey().equals("application/x-www-form-urlencoded")) {
                names.addAll(document.resolve(media.getValue().path("schema")).path("properties").propertyNames());
            }
        });
        return names;
    }

    private void answers(String operationName, String path, JsonNode operation) {
        JsonNode responses = operation.path("responses");
        boolean secured = operation.has("security")
                ? operation.path("security").valueStream().anyMatch(r -> !r.isEmpty())
                : document.json().path("security").valueStream().anyMatch(r -> !r.isEmpty());
        boolean takesInput = !operation.path("parameters").isEmpty() || operation.has("requestBody");
        require(operationName, responses, "400", takesInput, "it takes parameters or a body");
        require(operationName, responses, "401", secured, "it needs a token");
        require(operationName, responses, "404", path.contains("{"), "its path names an object");
        responses.properties().forEach(entry -> {
            String code = entry.getKey();
            JsonNode response = document.resolve(entry.getValue());
            Set<String> types = new TreeSet<>(response.path("content").propertyNames());
            if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
                if (!types.equals(Set.of(PROBLEM_JSON))) {
                    violations.add(operationName + ": error answer " + code + " is documented as " + types
                            + ", not " + PROBLEM_JSON);
                }
            } else if (types.contains("*/*")) {
                violations.add(operationName + ": answer " + code + " is documented as */*, not application/json");
            }
            if (code.equals("201") && !response.path("headers").has("Location")) {
                violations.add(operationName + ": answer 201 does not document its Location header");
            }
        });
    }

    /** A POST to a collection whose members are read at {@code /{id}} below it creates one: 201 with Location. */
    private void creation(String operationName, String path, JsonNode operation) {
        boolean collection = document.json().path("paths").properties().stream()
                .anyMatch(p -> p.getKey().matches(Pattern.quote(path) + "/\\{[^/}]+}")
                        && p.getValue().path("get").isObject());
        if (collection && !operation.path("responses").has("201")) {
            violations.add(operationName + ": creates (GET " + path + "/{id} reads what it makes) but does not "
                    + "document 201 Created");
        }
    }

    private void require(String operationName, JsonNode responses, String code, boolean applies, String because) {
        if (applies && !responses.has(code)) {
            violations.add(operationName + ": does not document the " + code + " problem answer (" + because + ")");
        }
    }

    // ------------------------------------------------------------------------------------------------ schemas

    private void schemas() {
        document.json().path("components").path("schemas").properties().forEach(entry -> {
            String name = entry.getKey();
            if (BUILT_IN_SCHEMAS.contains(name)) {
                return;
            }
            List<Class<?>> candidates = load(classesBySimpleName.getOrDefault(name, List.of()));
            if (!candidates.isEmpty()) {
                List<List<String>> findings = candidates.stream().map(c -> disagreements(name, entry.getValue(), c))
                        .toList();
                if (findings.stream().noneMatch(List::isEmpty)) {
                    violations.addAll(findings.getFirst());
                }
                return;
            }
            Optional<Class<?>> generic = genericOf(name);
            if (generic.isPresent()) {
                violations.addAll(disagreements(name, entry.getValue(), generic.get()));
                return;
            }
            violations.add("schema " + name + ": not a wire type (no record, enum or class of that name under "
                    + "ru.repitbot; Spring and Java internals such as ResponseEntity, HttpHeaders, MultipartFile, "
                    + "Resource or Object do not belong in the API document)");
        });
    }

    /** {@code PageResponseUserResponse}: a generic record ({@code PageResponse}) of a known type. */
    private Optional<Class<?>> genericOf(String name) {
        if (!generics.containsKey(name)) {
            generics.put(name, Optional.empty()); // while looking: no endless recursion
            generics.put(name, findGenericOf(name));
        }
        return generics.get(name);
    }

    private Optional<Class<?>> findGenericOf(String name) {
        for (int i = name.length() - 1; i > 0; i--) {
            String head = name.substring(0, i);
            String rest = name.substring(i);
            boolean restKnown = classesBySimpleName.containsKey(rest) || JAVA_TYPE_NAMES.contains(rest)
                    || document.json().path("components").path("schemas").has(rest) || genericOf(rest).isPresent();
            if (restKnown) {
                Optional<Class<?>> head0 = load(classesBySimpleName.getOrDefault(head, List.of())).stream()
                        .filter(c -> c.getTypeParameters().length > 0).findFirst();
                if (head0.isPresent()) {
                    return head0;
                }
            }
        }
        return Optional.empty();
    }

    private List<String> disagreements(String schemaName, JsonNode schema, Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        String where = "schema " + schemaName + " (" + type.getName() + ")";
        JsonNode properties = document.resolve(schema).path("properties");
        Map<String, RecordComponent> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (!ignored(component)) {
                fields.put(jsonName(component), component);
            }
        }
        for (String property : properties.propertyNames()) {
            if (!fields.containsKey(property)) {
                found.add(where + ": documents field '" + property + "' that the record does not have");
            }
        }
        fields.forEach((json, component) -> {
            if (!properties.has(json)) {
                found.add(where + ": does not document field '" + json + "'");
                return;
            }
            String mismatch = typeMismatch(component.getGenericType(), properties.get(json));
            if (mismatch != null) {
                found.add(where + ": field '" + json + "' " + mismatch);
            }
        });
        return found;
    }

    private static boolean ignored(RecordComponent component) {
        for (Annotation a : annotations(component)) {
            String type = a.annotationType().getName();
            if (type.equals("com.fasterxml.jackson.annotation.JsonIgnore")) {
                return true;
            }
            if (type.equals("io.swagger.v3.oas.annotations.media.Schema") || type.equals(
                    "io.swagger.v3.oas.annotations.Hidden")) {
                try {
                    if (type.endsWith("Hidden") || Boolean.TRUE.equals(a.annotationType().getMethod("hidden")
                            .invoke(a))) {
                        return true;
                    }
                } catch (ReflectiveOperationException e) {
                    // not a hiding annotation
                }
            }
        }
        return false;
    }

    private static List<Annotation> annotations(RecordComponent component) {
        List<Annotation> all = new ArrayList<>(List.of(component.getAnnotations()));
        try {
            all.addAll(List.of(component.getDeclaringRecord().getDeclaredField(component.getName())
                    .getAnnotations()));
        } catch (NoSuchFieldException e) {
            // records always have the field
        }
        all.addAll(List.of(component.getAccessor().getAnnotations()));
        return all;
    }

    private static String jsonName(RecordComponent component) {
        for (Annotation a : annotations(component)) {
            if (a.annotationType().getName().equals("com.fasterxml.jackson.annotation.JsonProperty")) {
                String value = ServiceHandlers.attribute(a, "value");
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, component.getName());
    }

    /** Why the documented {@code property} is not how a value of {@code type} travels, or null when it is. */
    private String typeMismatch(Type type, JsonNode property) {
        Class<?> raw = raw(type);
        if (raw == Optional.class && type instanceof ParameterizedType p) {
            return typeMismatch(p.getActualTypeArguments()[0], property);
        }
        Set<String> expected = expectedTypes(raw);
        JsonNode schema = OpenApiDocument.resolveInline(property);
        if (expected == null || schema == null) {
            return null;
        }
        Set<String> documented = OpenApiDocument.types(schema);
        boolean isRef = schema.has("$ref");
        if (documented.isEmpty() && !isRef) {
            return null; // no type given: nothing to compare
        }
        boolean agrees = isRef ? expected.contains("object") || expected.contains("$ref") || expected.contains("string")
                : documented.stream().anyMatch(expected::contains);
        if (!agrees) {
            return "is documented as " + (isRef ? schema.path("$ref").asString() : documented) + " but the record's "
                    + raw.getSimpleName() + " travels as " + String.join(" or ", new TreeSet<>(expected)
                            .stream().filter(t -> !t.equals("$ref")).toList());
        }
        if (documented.contains("array") && type instanceof ParameterizedType p
                && Collection.class.isAssignableFrom(raw)) {
            String inner = typeMismatch(p.getActualTypeArguments()[0], schema.path("items"));
            return inner == null ? null : "has items that " + inner.replaceFirst("^is ", "are ");
        }
        return null;
    }

    /** The JSON types a value of {@code raw} can travel as; null when anything goes. */
    private static Set<String> expectedTypes(Class<?> raw) {
        if (raw == null || raw == Object.class || raw.getName().startsWith("tools.jackson.")
                || raw.getName().startsWith("com.fasterxml.jackson.")) {
            return null;
        }
        if (raw == long.class || raw == int.class || raw == short.class || raw == byte.class || raw == Long.class
                || raw == Integer.class || raw == Short.class || raw == Byte.class) {
            return Set.of("integer");
        }
        if (raw == BigInteger.class) {
            return Set.of("integer", "string");
        }
        if (raw == BigDecimal.class) {
            return Set.of("number", "string");
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class) {
            return Set.of("number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Set.of("boolean");
        }
        if (CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class
                || raw == java.util.UUID.class || raw == java.net.URI.class || raw == java.net.URL.class
                || Temporal.class.isAssignableFrom(raw) || java.time.temporal.TemporalAmount.class.isAssignableFrom(raw)
                || raw == java.time.ZoneId.class || raw == java.time.ZoneOffset.class || raw == Locale.class
                || raw == java.util.Currency.class || raw == byte[].class) {
            return Set.of("string");
        }
        if (raw.isEnum()) {
            return Set.of("string", "$ref");
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return Set.of("array");
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Set.of("object");
        }
        return Set.of("object", "$ref");
    }

    private static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> raw(p.getRawType());
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            case TypeVariable<?> ignored -> null;
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------------------------ classes

    private static Map<String, List<String>> classesUnder(String basePackage, ClassLoader loader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(loader));
        scanner.addIncludeFilter((reader, factory) -> true);
        Map<String, List<String>> bySimpleName = new HashMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
            String className = definition.getBeanClassName();
            if (className == null || className.contains("__")) {
                continue; // Spring AOT's generated code
            }
            String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
            bySimpleName.computeIfAbsent(simple, k -> new ArrayList<>()).add(className);
        }
        return bySimpleName;
    }

    private List<Class<?>> load(List<String> classNames) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames) {
            try {
                classes.add(Class.forName(name, false, context.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable here: not part of this service
            }
        }
        return classes;
    }
}
