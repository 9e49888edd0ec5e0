package vn.portal.common.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Makes the schemas say what the service writes, so that a client generated from them is right
 * about every response:
 * <ul>
 * <li>Jackson writes every field of a representation, null or not, so every property of a schema
 * a response reaches is {@code required};</li>
 * <li>a field declared {@code @Schema(nullable = true)} whose type is a scalar component
 * (Instant, LocalDate) becomes that scalar inline, {@code type: [string, "null"]}; one whose type
 * is an object or an enum stays {@code anyOf: [$ref, {type: "null"}]} without the {@code type}
 * SmallRye puts beside it (which would contradict the reference);</li>
 * <li>a Jackson {@code JsonNode} (an audit change's before and after) is any JSON value: no type
 * at all, rather than the bean SmallRye reads out of the class.</li>
 * </ul>
 * Components that nothing refers to any more are dropped.
 */
final class ResponseSchemas {

    /** Schemas SmallRye derives from Jackson's tree model, which stand for "any JSON value". */
    private static final Set<String> ANY_JSON = Set.of("JsonNode", "JsonNodeType");

    private ResponseSchemas() {
    }

    static void complete(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        if (components == null || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        components.values().forEach(schema -> resolveNullables(schema, components));
        List<Operation> operations = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .toList();
        for (String name : reachable(operations.stream().flatMap(ResponseSchemas::responseSchemas), components)) {
            Schema schema = components.get(name);
            if (schema.getProperties() != null && !schema.getProperties().isEmpty() && schema.getRequired() == null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
        Set<String> used = reachable(operations.stream().flatMap(ResponseSchemas::allSchemas), components);
        List.copyOf(components.keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    /** Rewrites the nullable references among {@code schema}'s properties, at any depth. */
    private static void resolveNullables(Schema schema, Map<String, Schema> components) {
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : Map.copyOf(schema.getProperties()).entrySet()) {
                Schema resolved = resolved(property.getValue(), components);
                if (resolved != property.getValue()) {
                    schema.addProperty(property.getKey(), resolved);
                }
                resolveNullables(resolved, components);
            }
        }
        if (schema.getItems() != null) {
            resolveNullables(schema.getItems(), components);
        }
    }

    private static Schema resolved(Schema property, Map<String, Schema> components) {
        String target = nullableReference(property);
        if (target == null) {
            String ref = Refs.name(property.getRef());
            return ref != null && ANY_JSON.contains(ref) ? anyJson(property) : property;
        }
        if (ANY_JSON.contains(target)) {
            return anyJson(property);
        }
        Schema referenced = components.get(target);
        if (isScalar(referenced)) {
            List<SchemaType> types = new ArrayList<>(referenced.getType());
            types.add(SchemaType.NULL);
            return OASFactory.createSchema().type(types).format(referenced.getFormat())
                    .description(property.getDescription() != null ? property.getDescription() : referenced.getDescription())
                    .examples(property.getExamples() != null ? property.getExamples() : referenced.getExamples());
        }
        property.setType(null);
        return property;
    }

    /** The component {@code anyOf: [$ref, {type: "null"}]} names, or null when it is not that. */
    private static String nullableReference(Schema property) {
        List<Schema> anyOf = property.getAnyOf();
        if (anyOf == null || anyOf.size() != 2) {
            return null;
        }
        boolean hasNull = anyOf.stream().anyMatch(s -> List.of(SchemaType.NULL).equals(s.getType()));
        return hasNull ? anyOf.stream().map(Schema::getRef).filter(Objects::nonNull).map(Refs::name)
                .findFirst().orElse(null) : null;
    }

    private static Schema anyJson(Schema property) {
        return OASFactory.createSchema().description(property.getDescription());
    }

    private static boolean isScalar(Schema schema) {
        return schema != null && schema.getType() != null && schema.getType().size() == 1
                && !schema.getType().contains(SchemaType.OBJECT) && !schema.getType().contains(SchemaType.ARRAY)
                && schema.getEnumeration() == null && schema.getProperties() == null;
    }

    private static Stream<Schema> responseSchemas(Operation operation) {
        return operation.getResponses().getAPIResponses().values().stream()
                .flatMap(response -> schemas(response.getContent()));
    }

    private static Stream<Schema> allSchemas(Operation operation) {
        Stream<Schema> parameters = operation.getParameters() == null ? Stream.empty()
                : operation.getParameters().stream().map(p -> p.getSchema()).filter(Objects::nonNull);
        Stream<Schema> body = operation.getRequestBody() == null ? Stream.empty()
                : schemas(operation.getRequestBody().getContent());
        return Stream.of(parameters, body, responseSchemas(operation)).flatMap(s -> s);
    }

    private static Stream<Schema> schemas(Content content) {
        return content == null || content.getMediaTypes() == null ? Stream.empty()
                : content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull);
    }

    /** The names of the components the given schemas refer to, directly or through others. */
    private static Set<String> reachable(Stream<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new LinkedHashSet<>();
        Deque<Schema> open = new ArrayDeque<>();
        roots.forEach(open::add);
        while (!open.isEmpty()) {
            Schema schema = open.pop();
            if (schema.getRef() != null) {
                String name = Refs.name(schema.getRef());
                if (names.add(name) && components.containsKey(name)) {
                    open.push(components.get(name));
                }
            }
            Stream.of(schema.getProperties() == null ? Stream.<Schema>empty() : schema.getProperties().values().stream(),
                    Stream.ofNullable(schema.getItems()),
                    Stream.ofNullable(schema.getAdditionalPropertiesSchema()),
                    schema.getAnyOf() == null ? Stream.<Schema>empty() : schema.getAnyOf().stream(),
                    schema.getOneOf() == null ? Stream.<Schema>empty() : schema.getOneOf().stream(),
                    schema.getAllOf() == null ? Stream.<Schema>empty() : schema.getAllOf().stream())
                    .flatMap(s -> s).forEach(open::push);
        }
        return names;
    }
}
