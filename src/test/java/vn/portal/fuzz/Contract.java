package vn.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of the checked-in contract, as far as the fuzzer needs them. */
final class Contract {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "head", "options");

    /**
     * One operation: its parameters, the media types its body may have, that body's schema, and
     * whether the body may be left out (an action's, such as rotate-secret's).
     */
    record Operation(String id, String method, String template, List<Param> params, List<String> bodyTypes,
            Schema body, boolean bodyOptional, Set<String> readOnly, List<String> answerTypes) {

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean takesJson() {
            return bodyTypes.stream().anyMatch(t -> t.endsWith("json"));
        }

        boolean takesMultipart() {
            return bodyTypes.contains("multipart/form-data");
        }

        /** A list, which also answers its rows as CSV. */
        boolean answersCsv() {
            return answerTypes.contains("text/csv");
        }

        @Override
        public String toString() {
            return method + " " + template + " (" + id + ")";
        }
    }

    record Param(String name, String in) {
    }

    /** An object schema: its properties and which are required. */
    record Schema(String name, Map<String, Property> properties, Set<String> required) {
    }

    /** One property; {@code types} holds the JSON types it may have ("string", "integer", "null", ...). */
    record Property(String name, Set<String> types, String format, List<String> enumValues, Integer minLength,
            Integer maxLength, Long minimum, Long maximum, String pattern, Property items, boolean writeOnly,
            JsonNode example) {

        boolean is(String type) {
            return types.contains(type);
        }
    }

    private Contract() {
    }

    static List<Operation> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode schemas = root.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : path.getValue().path("parameters")) {
                    params.add(new Param(p.path("name").asText(), p.path("in").asText()));
                }
                for (JsonNode p : operation.path("parameters")) {
                    params.add(new Param(p.path("name").asText(), p.path("in").asText()));
                }
                List<String> bodyTypes = new ArrayList<>();
                Schema body = null;
                JsonNode content = operation.path("requestBody").path("content");
                for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext();) {
                    Map.Entry<String, JsonNode> type = types.next();
                    bodyTypes.add(type.getKey());
                    if (body == null && type.getKey().endsWith("json")) {
                        body = schema(schemas, type.getValue().path("schema"));
                    }
                }
                Set<String> readOnly = new LinkedHashSet<>();
                if (body != null) {
                    for (String status : List.of("200", "201")) {
                        Schema answer = schema(schemas,
                                operation.path("responses").path(status).path("content").path("application/json").path("schema"));
                        if (answer != null) {
                            answer.properties().keySet().stream().filter(n -> !schemaKnows(schemas, operation, n))
                                    .forEach(readOnly::add);
                        }
                    }
                }
                List<String> answerTypes = new ArrayList<>();
                operation.path("responses").path("200").path("content").fieldNames().forEachRemaining(answerTypes::add);
                operations.add(new Operation(operation.path("operationId").asText(), method.toUpperCase(),
                        path.getKey(), List.copyOf(params), List.copyOf(bodyTypes), body,
                        !operation.path("requestBody").path("required").asBoolean(true), readOnly,
                        List.copyOf(answerTypes)));
            }
        }
        return List.copyOf(operations);
    }

    /** Whether any of the operation's body schemas has the property (so it is writable there). */
    private static boolean schemaKnows(JsonNode schemas, JsonNode operation, String name) {
        for (JsonNode type : operation.path("requestBody").path("content")) {
            Schema schema = schema(schemas, type.path("schema"));
            if (schema != null && schema.properties().containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    private static Schema schema(JsonNode schemas, JsonNode node) {
        String ref = node.path("$ref").asText(null);
        String name = null;
        if (ref != null) {
            name = ref.substring(ref.lastIndexOf('/') + 1);
            node = schemas.path(name);
        }
        if (!node.has("properties") && !"object".equals(node.path("type").asText())) {
            return null;
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.path("properties").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            properties.put(field.getKey(), property(schemas, field.getKey(), field.getValue()));
        }
        Set<String> required = new LinkedHashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        return new Schema(name, properties, required);
    }

    private static Property property(JsonNode schemas, String name, JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref != null) {
            node = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        Set<String> types = new LinkedHashSet<>();
        if (node.path("type").isArray()) {
            node.path("type").forEach(t -> types.add(t.asText()));
        } else if (node.has("type")) {
            types.add(node.path("type").asText());
        }
        for (JsonNode alternative : node.path("anyOf")) {
            Property resolved = property(schemas, name, alternative);
            types.addAll(resolved.types());
        }
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(e -> enumValues.add(e.asText()));
        JsonNode example = node.path("examples").isArray() && node.path("examples").size() > 0
                ? node.path("examples").get(0) : null;
        return new Property(name, types, node.path("format").asText(null), List.copyOf(enumValues),
                node.has("minLength") ? node.path("minLength").asInt() : null,
                node.has("maxLength") ? node.path("maxLength").asInt() : null,
                node.has("minimum") ? node.path("minimum").asLong() : null,
                node.has("maximum") ? node.path("maximum").asLong() : null,
                node.path("pattern").asText(null),
                node.has("items") ? property(schemas, name + "[]", node.path("items")) : null,
                node.path("writeOnly").asBoolean(false), example);
    }
}
