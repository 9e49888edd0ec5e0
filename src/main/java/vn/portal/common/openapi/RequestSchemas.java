package vn.portal.common.openapi;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import vn.portal.common.json.BodySpec;

/**
 * A feature's request bodies in the contract, made from the same {@link BodySpec}s its resources
 * parse with, so the schemas and the checks cannot drift apart. Each feature declares one
 * subclass, annotated {@code @OpenApiFilter(stages = BUILD)}, naming its specs; nothing here
 * lists them. The subclass names {@code implements OASFilter} again: Quarkus picks up an
 * annotated filter only when the class itself lists that interface.
 */
public abstract class RequestSchemas implements OASFilter {

    private final List<BodySpec<?, ?>> specs;

    protected RequestSchemas(BodySpec<?, ?>... specs) {
        this.specs = List.of(specs);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        for (BodySpec<?, ?> spec : specs) {
            spec.createSchema().ifPresent(name -> openAPI.getComponents().addSchema(name, bodySchema(spec, true)));
            spec.patchSchema().ifPresent(name -> openAPI.getComponents().addSchema(name, bodySchema(spec, false)));
        }
    }

    static Schema bodySchema(BodySpec<?, ?> spec, boolean create) {
        Schema schema = OASFactory.createSchema().type(List.of(SchemaType.OBJECT)).additionalPropertiesBoolean(false)
                .description(create ? "Create body. Read-only fields (" + String.join(", ", spec.readOnlyFields())
                        + ") and unknown fields are refused."
                        : "JSON merge patch: only the fields sent change; null clears an optional field.");
        List<String> required = new ArrayList<>();
        for (BodySpec.Field field : spec.fields().values()) {
            schema.addProperty(field.name(), fieldSchema(field));
            if (create && field.isRequired()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            schema.required(required);
        }
        return schema;
    }

    private static Schema fieldSchema(BodySpec.Field field) {
        Schema schema = OASFactory.createSchema();
        SchemaType type = switch (field.type()) {
            case TEXT, EMAIL, ENUM, DATE, INSTANT -> SchemaType.STRING;
            case YEAR, INTEGER, ID -> SchemaType.INTEGER;
            case BOOLEAN -> SchemaType.BOOLEAN;
            case ID_LIST, ENUM_LIST -> SchemaType.ARRAY;
        };
        schema.type(field.isNullable() ? List.of(type, SchemaType.NULL) : List.of(type));
        switch (field.type()) {
            case TEXT -> {
                schema.maxLength(field.maxLength());
                if (field.minLength() > 0 || field.isRequired()) {
                    schema.minLength(Math.max(1, field.minLength()));
                }
                if (field.isWriteOnly()) {
                    schema.writeOnly(true);
                }
                if (field.pattern() != null) {
                    schema.pattern("^" + field.pattern().pattern() + "$");
                }
            }
            case EMAIL -> schema.format("email").maxLength(field.maxLength());
            case ENUM -> schema.enumeration(new ArrayList<>(field.enumValues()));
            case DATE -> schema.format("date");
            case INSTANT -> schema.format("date-time");
            case YEAR, INTEGER -> schema.format("int32").minimum(java.math.BigDecimal.valueOf(field.min()))
                    .maximum(java.math.BigDecimal.valueOf(field.max()));
            case ID -> schema.format("int64").minimum(java.math.BigDecimal.ONE);
            case ID_LIST -> schema.uniqueItems(true)
                    .items(OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int64"));
            case ENUM_LIST -> schema.uniqueItems(true).items(OASFactory.createSchema().type(List.of(SchemaType.STRING))
                    .enumeration(new ArrayList<>(field.enumValues())));
            case BOOLEAN -> {
            }
        }
        if (field.description() != null) {
            schema.description(field.description());
        }
        if (field.example() != null) {
            schema.examples(List.of(field.example()));
        }
        return schema;
    }

}
