package ru.repitbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a consumer (the Telegram bot) relies on in the public API, as committed in
 * {@code tests/contracts/<consumer>.json} (tests/contracts/README.md): one interaction per method and path template
 * with the service that owns it, the query parameters and headers it sends, the request body's fields and the fields
 * it reads from each answer status, each with its JSON types.
 *
 * <p>Fields are flattened paths: {@code items[].student_id} is the {@code student_id} of every element of
 * {@code items}; a root array's elements are {@code []}; a map's dynamic (numeric) keys are {@code *}. A type is one
 * of {@code object, array, string, integer, number, boolean, null} or several joined by {@code |}; in a request,
 * {@code absent} means the consumer sometimes leaves the field out.
 *
 * <p>The consumer's tests build the contract from what it really sent ({@link Builder}) and check every request
 * against the committed file ({@link #problemsWith(Observation)}); each service's build checks the interactions it
 * owns against its live document and handlers ({@link ConsumerContracts}).
 */
public final class ConsumerContract {

    public static final String ABSENT = "absent";
    /** The types in the order a field's types are written. */
    private static final List<String> TYPE_ORDER = List.of("object", "array", "string", "integer", "number",
            "boolean", "null", ABSENT);
    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
            "OPTIONS", "TRACE");
    private static final Pattern ID_SEGMENT = Pattern.compile(
            "-?\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMERIC_KEY = Pattern.compile("-?\\d+");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String README = "tests/contracts/README.md";

    /** One call the consumer makes, and what it relies on in it. */
    public record Interaction(String method, String path, String service, SortedSet<String> query,
            SortedSet<String> headers, SortedMap<String, String> request,
            SortedMap<String, SortedMap<String, String>> responses) {

        public Interaction {
            method = method.toUpperCase(Locale.ROOT);
            query = Collections.unmodifiableSortedSet(new TreeSet<>(query));
            headers = Collections.unmodifiableSortedSet(new TreeSet<>(headers));
            request = request == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(request));
            SortedMap<String, SortedMap<String, String>> copy = new TreeMap<>();
            responses.forEach((status, fields) -> copy.put(status,
                    Collections.unmodifiableSortedMap(new TreeMap<>(fields))));
            responses = Collections.unmodifiableSortedMap(copy);
        }

        /** {@code "POST /api/v1/lessons/{id}/cancel"}. */
        public String name() {
            return method + " " + path;
        }

        /** Whether the consumer sends a JSON body. */
        public boolean sendsBody() {
            return request != null;
        }
    }

    /**
     * One request the consumer was seen sending and the answer it got.
     *
     * @param path the concrete path, without the query ({@code /api/v1/lessons/42/cancel})
     * @param requestBody the JSON body sent; null for none
     * @param status the answer's status; null when nothing real answered (no stub matched)
     * @param responseBody the answer's JSON body; null for none or not JSON
     */
    public record Observation(String method, String path, Set<String> query, Set<String> headers,
            JsonNode requestBody, Integer status, JsonNode responseBody) {

        public Observation {
            method = method.toUpperCase(Locale.ROOT);
            query = Set.copyOf(query);
            headers = Set.copyOf(headers);
        }

        /** {@code "POST /api/v1/lessons/42/cancel?a&b"}, for messages. */
        public String describe() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + String.join("&", new TreeSet<>(query)));
        }
    }

    private final String consumer;
    private final List<Interaction> interactions;

    public ConsumerContract(String consumer, List<Interaction> interactions) {
        this.consumer = consumer;
        List<Interaction> sorted = new ArrayList<>(interactions);
        sorted.sort(Comparator.comparing(Interaction::path).thenComparing(i -> methodRank(i.method())));
        this.interactions = List.copyOf(sorted);
    }

    public String consumer() {
        return consumer;
    }

    public List<Interaction> interactions() {
        return interactions;
    }

    /** The interactions the gateway sends to {@code service}. */
    public List<Interaction> ownedBy(String service) {
        return interactions.stream().filter(i -> service.equals(i.service())).toList();
    }

    // --------------------------------------------------------------------------------------------- the files

    /**
     * The repository's root: the nearest directory at or above the working directory (a module's directory in
     * Maven's tests) that holds {@code docs/architecture/contracts.md}.
     */
    public static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/architecture/contracts.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (a directory with docs/architecture/contracts.md) at or "
                + "above " + start);
    }

    /** {@code tests/contracts/<consumer>.json} in the repository. */
    public static Path file(String consumer) {
        return repositoryRoot().resolve("tests/contracts").resolve(consumer + ".json");
    }

    /** Every consumer contract committed in {@code tests/contracts}. */
    public static List<ConsumerContract> all() {
        Path dir = repositoryRoot().resolve("tests/contracts");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No consumer contracts: " + dir + " does not exist");
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(ConsumerContract::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConsumerContract read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the consumer contract " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The consumer contract " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    public static ConsumerContract parse(String json) {
        JsonNode root = JSON.readTree(json);
        String consumer = root.path("consumer").asString();
        if (consumer.isEmpty() || !root.path("interactions").isArray()) {
            throw new IllegalArgumentException("a contract has \"consumer\" and \"interactions\"");
        }
        List<Interaction> interactions = new ArrayList<>();
        for (JsonNode i : root.path("interactions")) {
            SortedMap<String, SortedMap<String, String>> responses = new TreeMap<>();
            i.path("responses").properties().forEach(r -> responses.put(r.getKey(), fields(r.getValue())));
            interactions.add(new Interaction(i.path("method").asString(), i.path("path").asString(),
                    i.path("service").asString(), strings(i.path("query")), strings(i.path("headers")),
                    i.has("request") && !i.get("request").isNull() ? fields(i.get("request")) : null, responses));
        }
        return new ConsumerContract(consumer, interactions);
    }

    private static SortedSet<String> strings(JsonNode array) {
        SortedSet<String> values = new TreeSet<>();
        array.valueStream().forEach(v -> values.add(v.asString()));
        return values;
    }

    private static SortedMap<String, String> fields(JsonNode object) {
        SortedMap<String, String> fields = new TreeMap<>();
        object.properties().forEach(f -> fields.put(f.getKey(), f.getValue().asString()));
        return fields;
    }

    /**
     * The file's text: two-space indents, one field per line, interactions by path then method, everything else
     * sorted, so a change shows as a small diff. Empty query, headers and a missing request body are left out.
     */
    public String toJson() {
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"consumer\": ").append(quote(consumer)).append(",\n");
        out.append("  \"about\": ").append(quote("What " + consumer + " relies on in the public API, checked by "
                + "its own tests and by every owning service's build. Regenerate from the tests, never by hand "
                + "only: see " + README + ".")).append(",\n");
        out.append("  \"interactions\": [");
        for (int n = 0; n < interactions.size(); n++) {
            Interaction i = interactions.get(n);
            out.append(n == 0 ? "\n" : ",\n").append("    {\n");
            List<String> members = new ArrayList<>();
            members.add("      \"method\": " + quote(i.method()));
            members.add("      \"path\": " + quote(i.path()));
            members.add("      \"service\": " + quote(i.service()));
            if (!i.query().isEmpty()) {
                members.add("      \"query\": " + inline(i.query()));
            }
            if (!i.headers().isEmpty()) {
                members.add("      \"headers\": " + inline(i.headers()));
            }
            if (i.request() != null) {
                members.add("      \"request\": " + object(i.request(), "      "));
            }
            StringBuilder responses = new StringBuilder("      \"responses\": {");
            int r = 0;
            for (var response : i.responses().entrySet()) {
                responses.append(r++ == 0 ? "\n" : ",\n").append("        ").append(quote(response.getKey()))
                        .append(": ").append(object(response.getValue(), "        "));
            }
            responses.append(i.responses().isEmpty() ? "}" : "\n      }");
            members.add(responses.toString());
            out.append(String.join(",\n", members)).append("\n    }");
        }
        out.append(interactions.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return out.toString();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String object(SortedMap<String, String> fields, String indent) {
        if (fields.isEmpty()) {
            return "{}";
        }
        return fields.entrySet().stream().map(f -> indent + "  " + quote(f.getKey()) + ": " + quote(f.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
    }

    private static String inline(Set<String> values) {
        return values.stream().map(ConsumerContract::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quote(String value) {
        return JSON.writeValueAsString(value);
    }

    // --------------------------------------------------------------------------------------------- matching

    /**
     * The interaction that covers a concrete request path: the same method, literal segments equal, a variable
     * for any segment; the one with the most literal segments when several fit ({@code /users/me} before
     * {@code /users/{id}}).
     */
    public Optional<Interaction> match(String method, String concretePath) {
        return interactions.stream()
                .filter(i -> i.method().equalsIgnoreCase(method) && fits(i.path(), concretePath))
                .max(Comparator.comparingLong(i -> literalSegments(i.path())));
    }

    private static boolean fits(String template, String concrete) {
        String[] t = template.split("/", -1);
        String[] c = concrete.split("/", -1);
        if (t.length != c.length) {
            return false;
        }
        for (int n = 0; n < t.length; n++) {
            if (!OpenApiDocument.isVariable(t[n]) && !t[n].equals(c[n])) {
                return false;
            }
        }
        return true;
    }

    private static long literalSegments(String template) {
        return java.util.Arrays.stream(template.split("/")).filter(s -> !OpenApiDocument.isVariable(s)).count();
    }

    /**
     * Why the contract does not cover {@code seen}: an unknown call, a query parameter, header, body field or type it
     * does not list, a field it says is always sent left out, an answer status or answer field it does not list.
     * Empty when covered.
     */
    public List<String> problemsWith(Observation seen) {
        String call = seen.describe();
        Optional<Interaction> found = match(seen.method(), seen.path());
        if (found.isEmpty()) {
            return List.of(call + ": no interaction " + seen.method() + " " + template(seen.path())
                    + " in the contract");
        }
        Interaction i = found.get();
        List<String> problems = new ArrayList<>();
        String prefix = call + " (" + i.name() + "): ";
        new TreeSet<>(seen.query()).stream().filter(q -> !i.query().contains(q))
                .forEach(q -> problems.add(prefix + "query parameter '" + q + "' is not in the contract"));
        new TreeSet<>(seen.headers()).stream().filter(h -> i.headers().stream().noneMatch(h::equalsIgnoreCase))
                .forEach(h -> problems.add(prefix + "header '" + h + "' is not in the contract"));
        if (seen.requestBody() != null) {
            if (i.request() == null) {
                problems.add(prefix + "sends a JSON body; the contract has none");
            } else {
                Shape shape = new Shape();
                shape.add(seen.requestBody());
                SortedMap<String, String> sent = shape.fields(true);
                sent.forEach((field, types) -> covered(prefix + "body field '" + field + "'", types,
                        i.request().get(field), problems));
                i.request().forEach((field, types) -> {
                    if (!split(types).contains(ABSENT) && !sent.containsKey(field)
                            && shape.hasObjectAt(parentOf(field))) {
                        problems.add(prefix + "body field '" + field + "' was left out; the contract says it is "
                                + "always sent");
                    }
                });
            }
        } else if (i.request() != null && i.request().values().stream().anyMatch(t -> !split(t).contains(ABSENT))) {
            problems.add(prefix + "sends no body; the contract says it sends " + i.request().keySet());
        }
        if (seen.status() != null) {
            String status = String.valueOf(seen.status());
            SortedMap<String, String> readable = i.responses().get(status);
            if (readable == null) {
                problems.add(prefix + "answer " + status + " is not in the contract");
            } else if (seen.responseBody() != null) {
                Shape shape = new Shape();
                shape.add(seen.responseBody());
                shape.fields(false).forEach((field, types) -> covered(prefix + "answer " + status + " field '" + field
                        + "'", types, readable.get(field), problems));
            }
        }
        return problems;
    }

    private static void covered(String what, String seenTypes, String contractTypes, List<String> problems) {
        if (contractTypes == null) {
            problems.add(what + " (" + seenTypes + ") is not in the contract");
            return;
        }
        Set<String> missing = new TreeSet<>(split(seenTypes));
        missing.removeAll(split(contractTypes));
        if (!missing.isEmpty()) {
            problems.add(what + " is " + seenTypes + "; the contract says " + contractTypes);
        }
    }

    // --------------------------------------------------------------------------------------------- building

    /** The contract of what was observed: {@code owner} names the service of a path (the gateway's routes). */
    public static Builder builder(String consumer, Function<String, Optional<String>> owner) {
        return new Builder(consumer, owner);
    }

    /** Collects observations into interactions: one per method and path template. */
    public static final class Builder {

        private final String consumer;
        private final Function<String, Optional<String>> owner;
        private final Map<String, Accumulated> byCall = new LinkedHashMap<>();

        private Builder(String consumer, Function<String, Optional<String>> owner) {
            this.consumer = consumer;
            this.owner = owner;
        }

        private static final class Accumulated {
            final String method;
            final String path;
            final SortedSet<String> query = new TreeSet<>();
            final SortedSet<String> headers = new TreeSet<>();
            Shape request;
            boolean sentWithoutBody;
            final Map<String, Shape> responses = new TreeMap<>();

            Accumulated(String method, String path) {
                this.method = method;
                this.path = path;
            }
        }

        public Builder observe(Observation seen) {
            String path = template(seen.path());
            Accumulated a = byCall.computeIfAbsent(seen.method() + " " + path, k -> new Accumulated(seen.method(),
                    path));
            a.query.addAll(seen.query());
            a.headers.addAll(seen.headers());
            if (seen.requestBody() != null) {
                if (a.request == null) {
                    a.request = new Shape();
                }
                a.request.add(seen.requestBody());
            } else {
                a.sentWithoutBody = true;
            }
            if (seen.status() != null) {
                Shape response = a.responses.computeIfAbsent(String.valueOf(seen.status()), k -> new Shape());
                if (seen.responseBody() != null) {
                    response.add(seen.responseBody());
                }
            }
            return this;
        }

        /**
         * The contract.
         *
         * @throws IllegalStateException when a path has no owner in the gateway's routes
         */
        public ConsumerContract build() {
            List<Interaction> interactions = new ArrayList<>();
            List<String> unrouted = new ArrayList<>();
            for (Accumulated a : byCall.values()) {
                Optional<String> service = owner.apply(a.path);
                if (service.isEmpty()) {
                    unrouted.add(a.method + " " + a.path);
                    continue;
                }
                SortedMap<String, String> request = null;
                if (a.request != null) {
                    request = a.request.fields(true);
                    if (a.sentWithoutBody) {
                        request.replaceAll((field, types) -> withAbsent(types));
                    }
                }
                SortedMap<String, SortedMap<String, String>> responses = new TreeMap<>();
                a.responses.forEach((status, shape) -> responses.put(status, shape.fields(false)));
                interactions.add(new Interaction(a.method, a.path, service.get(), a.query, a.headers, request,
                        responses));
            }
            if (!unrouted.isEmpty()) {
                throw new IllegalStateException("No gateway route (docs/architecture/contracts.md) takes " + unrouted);
            }
            return new ConsumerContract(consumer, interactions);
        }
    }

    /**
     * The path template of a concrete path: numeric ids and UUIDs are variables, {@code {id}} for the first and
     * {@code {<singular of the segment before>_id}} after it ({@code /users/{id}/parents/{parent_id}}).
     */
    public static String template(String concretePath) {
        String[] segments = concretePath.split("/", -1);
        int variables = 0;
        for (int n = 0; n < segments.length; n++) {
            if (ID_SEGMENT.matcher(segments[n]).matches()) {
                String before = n > 0 ? segments[n - 1] : "";
                String name;
                if (variables == 0) {
                    name = "id";
                } else if (!before.isEmpty() && !OpenApiDocument.isVariable(before)) {
                    name = singular(before).replace('-', '_') + "_id";
                } else {
                    name = "id" + (variables + 1);
                }
                segments[n] = "{" + name + "}";
                variables++;
            }
        }
        return String.join("/", segments);
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    // ------------------------------------------------------------------------------------------------ shapes

    /** The types of a field as written: {@code string|null}. */
    public static String join(Set<String> types) {
        return types.stream().sorted(Comparator.comparingInt(ConsumerContract::typeRank))
                .collect(Collectors.joining("|"));
    }

    /** A field's types as a set: {@code string|null} is {string, null}. */
    public static Set<String> split(String types) {
        Set<String> set = new LinkedHashSet<>();
        for (String t : types.split("\\|")) {
            if (!t.isBlank()) {
                set.add(t.strip());
            }
        }
        return set;
    }

    private static String withAbsent(String types) {
        Set<String> set = new LinkedHashSet<>(split(types));
        set.add(ABSENT);
        return join(set);
    }

    private static int typeRank(String type) {
        int rank = TYPE_ORDER.indexOf(type);
        return rank < 0 ? TYPE_ORDER.size() : rank;
    }

    private static int methodRank(String method) {
        int rank = METHOD_ORDER.indexOf(method);
        return rank < 0 ? METHOD_ORDER.size() : rank;
    }

    /** The JSON type of a value. */
    public static String typeOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return "string";
    }

    /** The parent object's path of a field: {@code ""} for a top-level field, {@code a[]} for {@code a[].b}. */
    static String parentOf(String field) {
        int dot = field.lastIndexOf('.');
        if (field.endsWith("[]")) {
            return null; // an element, not a member
        }
        return dot < 0 ? "" : field.substring(0, dot);
    }

    /**
     * The fields seen in several JSON values of one place (a request body, an answer), with their types and, per
     * object, whether each member was in every instance of that object.
     */
    static final class Shape {

        private final Map<String, Set<String>> types = new TreeMap<>();
        /** An object's path ({@code ""} the root, {@code items[]} the elements of items) and each instance's keys. */
        private final Map<String, List<Set<String>>> instances = new HashMap<>();

        void add(JsonNode value) {
            walk(value, "");
        }

        private void walk(JsonNode value, String path) {
            if (value.isObject()) {
                Set<String> keys = new TreeSet<>();
                value.properties().forEach(member -> {
                    String key = NUMERIC_KEY.matcher(member.getKey()).matches() ? "*" : member.getKey();
                    keys.add(key);
                    String child = path.isEmpty() ? key : path + "." + key;
                    types.computeIfAbsent(child, k -> new TreeSet<>()).add(typeOf(member.getValue()));
                    walk(member.getValue(), child);
                });
                instances.computeIfAbsent(path, k -> new ArrayList<>()).add(keys);
            } else if (value.isArray()) {
                String items = path + "[]";
                for (JsonNode item : value) {
                    types.computeIfAbsent(items, k -> new TreeSet<>()).add(typeOf(item));
                    walk(item, items);
                }
            }
        }

        boolean hasObjectAt(String path) {
            return path != null && instances.containsKey(path);
        }

        /** Field to types; with {@code markAbsent}, a member missing from some instance of its object gets absent. */
        SortedMap<String, String> fields(boolean markAbsent) {
            SortedMap<String, String> fields = new TreeMap<>();
            types.forEach((field, seen) -> {
                Set<String> all = new LinkedHashSet<>(seen);
                String parent = parentOf(field);
                if (markAbsent && parent != null) {
                    String key = parent.isEmpty() ? field : field.substring(parent.length() + 1);
                    if (instances.getOrDefault(parent, List.of()).stream().anyMatch(keys -> !keys.contains(key))) {
                        all.add(ABSENT);
                    }
                }
                fields.put(field, join(all));
            });
            return fields;
        }
    }
}
