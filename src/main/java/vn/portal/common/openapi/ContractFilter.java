package vn.portal.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import vn.portal.common.csv.Csv;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.Problem;
import vn.portal.common.problem.ProblemException;

/**
 * Completes the generated contract from the same declarations the service runs on: the problem
 * schema and the error responses every operation can give, so that no operation is documented
 * without its failures. Each feature contributes its own request schemas ({@link RequestSchemas}).
 * It runs when the jar is built, after those (a lower priority), so the service starts with the
 * finished document instead of filtering it again at every start.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 10)
public class ContractFilter implements OASFilter {

    /** A word spelt like a code: capitals joined by underscores. */
    private static final Pattern CODE_LIKE = Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)+\\b");

    /** The one operation open to anonymous callers. */
    private static final String INDEX = "/api/v1";

    /**
     * Where a read too may be refused to a caller whose role does not reach it: users and the audit
     * trail (ADMIN and AUDITOR; AUDIT also those who run a subcommittee), webhooks (ADMIN only).
     * Elsewhere a read the caller may not make is a 404 (the object is not visible).
     */
    private static final List<String> GUARDED_READS = List.of("/api/v1/users", "/api/v1/audit", "/api/v1/webhooks");

    private static final String LICENSE = "Proprietary: for the Party Committee's offices and the agencies it admits";

    private static final String PROBLEM_REF = Refs.SCHEMAS + "Problem";

    /** Lists that are not pages (no ETag, no If-None-Match): the change feed's stretch of events. */
    private static final Set<String> UNPAGED_LISTS = Set.of(Refs.SCHEMAS + "EventFeed");

    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("400", "MALFORMED_JSON, UNKNOWN_FIELD, READ_ONLY_FIELD or VALIDATION_FAILED (a bad field, query "
                    + "parameter or reference); errors[] names each field by its JSON path or parameter name"),
            Map.entry("401", "UNAUTHENTICATED: no credentials, or credentials that were not accepted; "
                    + "WWW-Authenticate names Basic and Bearer"),
            Map.entry("403", "FORBIDDEN: the object is visible, but the caller's role may not do this"),
            Map.entry("404", "NOT_FOUND: no such path, or an id that does not exist or that the caller cannot see"),
            Map.entry("429", "TOO_MANY_REQUESTS: too many failed logins for this user name; Retry-After says "
                    + "when the next attempt is taken"),
            Map.entry("406", "NOT_ACCEPTABLE: the Accept header excludes JSON"),
            Map.entry("409", "CONCURRENT_MODIFICATION: another write collided with this one"),
            Map.entry("412", "PRECONDITION_FAILED: If-Match does not name the current ETag; nothing changed"),
            Map.entry("413", "PAYLOAD_TOO_LARGE: the JSON body is over 4 MiB (a file over 20 MiB)"),
            Map.entry("415", "UNSUPPORTED_MEDIA_TYPE: a Content-Type this operation does not take"),
            Map.entry("422", "IDEMPOTENCY_KEY_REUSED: this Idempotency-Key came with another request in the last 24 h"),
            Map.entry("500", "INTERNAL_ERROR, with an errorId that the log also carries"),
            Map.entry("503", "SERVICE_UNAVAILABLE: too busy to take the request now (no database connection came "
                    + "free in time); Retry-After says when to try again"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // not open source: an SPDX reference to the terms the Party Committee's office sets
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo()); // title, version and contact come from the configuration
        }
        openAPI.getInfo().setLicense(OASFactory.createLicense().name(LICENSE).identifier("LicenseRef-Proprietary"));
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSecurityScheme("basicAuth", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A portal user and password (for scripts); repeated failures for one user name are slowed down"));
        openAPI.getComponents().addSecurityScheme("bearerAuth", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A token from the configured OpenID Connect provider: preferred_username names the "
                        + "user (created on first use), groups give the global roles ADMIN and AUDITOR"));
        openAPI.setSecurity(new ArrayList<>(List.of(
                OASFactory.createSecurityRequirement().addScheme("basicAuth"),
                OASFactory.createSecurityRequirement().addScheme("bearerAuth"))));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> addErrorResponses(path, item));
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(operation -> describeCsv(openAPI.getComponents().getSchemas(), operation)));
            openAPI.getPaths().getPathItems().forEach(ContractFilter::requireCatalogued);
        }
        optionalEmptyBodies(openAPI);
        ResponseSchemas.complete(openAPI);
    }

    /**
     * A request body whose schema has no fields (an action's, such as submit's) may be left out: the
     * resource parses it only when it is there, so the contract must not call it required.
     */
    private static void optionalEmptyBodies(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .map(Operation::getRequestBody)
                .filter(body -> body != null && body.getContent() != null && body.getContent().getMediaTypes() != null)
                .filter(body -> body.getContent().getMediaTypes().values().stream().allMatch(media -> {
                    Schema named = media.getSchema() == null ? null : Refs.resolve(schemas, media.getSchema());
                    return named != null && List.of(SchemaType.OBJECT).equals(named.getType())
                            && (named.getProperties() == null || named.getProperties().isEmpty());
                }))
                .forEach(body -> body.setRequired(false));
    }

    /**
     * An error response may name only codes of the catalogue ({@link ErrorCode}): a code the
     * service never gives, or a misspelt one, fails the build here rather than misleading a client.
     */
    private static void requireCatalogued(String path, PathItem item) {
        item.getOperations().forEach((method, operation) -> operation.getResponses().getAPIResponses()
                .forEach((status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5")) && response.getDescription() != null) {
                        Matcher words = CODE_LIKE.matcher(response.getDescription());
                        while (words.find()) {
                            if (!ErrorCode.isCode(words.group())) {
                                throw new IllegalStateException(method + " " + path + " " + status
                                        + " names a code that is not in ErrorCode: " + words.group());
                            }
                        }
                    }
                }));
    }

    private static void addErrorResponses(String path, PathItem item) {
        item.getOperations().forEach((method, operation) -> {
            List<String> codes = new ArrayList<>(List.of("400", "406", "500"));
            if (path.equals(INDEX)) {
                operation.setSecurity(new ArrayList<>());
            } else {
                codes.addAll(List.of("401", "429", "503"));
                if (method != PathItem.HttpMethod.GET || GUARDED_READS.stream().anyMatch(path::startsWith)) {
                    codes.add("403");
                }
            }
            if (path.contains("{")) {
                codes.add("404");
            }
            // any request may come with a body: one over the limit is refused before routing, and one
            // with a Content-Type the operation does not take (a body where it takes none) too
            codes.add("413");
            codes.add("415");
            if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
                codes.add("409");
            }
            // PATCH, DELETE and the actions (submit, return, accept)
            if (takesIfMatch(operation)) {
                codes.add("412");
            }
            if (method == PathItem.HttpMethod.POST && answersJson(operation)) {
                declareIdempotencyKey(operation);
                codes.add("422");
            }
            if (method == PathItem.HttpMethod.GET && isSingleResource(operation)) {
                operation.addParameter(OASFactory.createParameter().name("If-None-Match")
                        .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                        .description("An ETag read before: 304 when it is still current")
                        .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING))));
                operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not modified: If-None-Match names the current ETag"));
            }
            for (String code : codes) {
                addProblem(operation, code);
            }
            // a rule's own 409 declared on the method gets the problem schema too
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    addProblem(operation, code);
                }
            });
            describeHeaders(operation);
            sortResponses(operation.getResponses());
        });
    }

    /**
     * Whether an operation's success is a JSON body: every POST but the backup, whose zip creates
     * nothing and is not kept to be replayed.
     */
    private static boolean answersJson(Operation operation) {
        return operation.getResponses().getAPIResponses().entrySet().stream()
                .filter(response -> response.getKey().startsWith("2") && response.getValue().getContent() != null)
                .flatMap(response -> response.getValue().getContent().getMediaTypes().keySet().stream())
                .anyMatch(type -> type.startsWith("application/json"));
    }

    /** Every POST that answers JSON takes an Idempotency-Key; a retry with it gets the first answer again. */
    private static void declareIdempotencyKey(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name("Idempotency-Key")
                .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                .description("1–255 printable ASCII characters chosen by the client. Within 24 h the same user "
                        + "sending the same key with the same method, path and body gets the first answer replayed "
                        + "(same status, body, Location and ETag, with Idempotent-Replayed: true) and nothing new "
                        + "happens; a 5xx is not kept, so a retry runs again.")
                .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING)).minLength(1).maxLength(255)
                        .pattern("^[\\x20-\\x7E]+$")));
        String inUse = "IDEMPOTENCY_KEY_IN_USE: the first request with this Idempotency-Key is still running";
        APIResponse conflict = operation.getResponses().getAPIResponse("409");
        if (conflict == null) {
            operation.getResponses().addAPIResponse("409", OASFactory.createAPIResponse().description(inUse));
        } else {
            conflict.setDescription(conflict.getDescription() + "; " + inUse);
        }
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "If-Match".equalsIgnoreCase(parameter.getName()));
    }

    /** A 200 whose body is one resource rather than a page of them. */
    private static boolean isSingleResource(Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null) {
            return false;
        }
        return ok.getContent().getMediaTypes().values().stream()
                .map(media -> media.getSchema() == null ? null : media.getSchema().getRef())
                .anyMatch(ref -> ref != null && !ref.startsWith(Refs.SCHEMAS + "PageView")
                        && !UNPAGED_LISTS.contains(ref));
    }

    private static void describeHeaders(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            boolean single = ("200".equals(code) && isSingleResource(operation)) || "201".equals(code);
            if (single) {
                response.addHeader("ETag", OASFactory.createHeader().description("The representation's entity tag")
                        .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING))));
            }
            if ("401".equals(code)) {
                response.addHeader("WWW-Authenticate", OASFactory.createHeader()
                        .description(ProblemException.CHALLENGE)
                        .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING))));
            }
            if ("429".equals(code) || "503".equals(code)) {
                response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                        .schema(OASFactory.createSchema().type(List.of(SchemaType.INTEGER))));
            }
            if ("201".equals(code)) {
                response.addHeader("Location", OASFactory.createHeader()
                        .description("The new resource's canonical relative path")
                        .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING))));
            }
        });
    }

    /**
     * A list that also answers {@code text/csv} (every list, through {@code Lists}): the CSV variant is
     * text whose header row is the item's fields, flattened as the export writes them, not the page.
     */
    private static void describeCsv(Map<String, Schema> schemas, Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        // a list offers JSON and CSV; a download of a stored .csv offers CSV among the file types, and is no list
        if (ok == null || ok.getContent() == null || ok.getContent().getMediaType(Csv.MEDIA_TYPE) == null
                || ok.getContent().getMediaType(MediaType.APPLICATION_JSON) == null) {
            return;
        }
        Schema page = Refs.resolve(schemas, ok.getContent().getMediaType(MediaType.APPLICATION_JSON).getSchema());
        List<String> columns = new ArrayList<>();
        collectColumns(schemas, Refs.resolve(schemas, page.getProperties().get("items").getItems()), "", columns);
        ok.getContent().addMediaType(Csv.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema()
                .type(List.of(SchemaType.STRING)).examples(List.of(String.join(",", columns) + "\r\n"))));
        ok.setDescription("A page of the list as JSON; with Accept: text/csv, every row that matches the filters, in "
                + "the same sort, as RFC 4180 CSV in UTF-8 after a byte-order mark, with CRLF line ends and a header "
                + "row of the JSON field names (a nested object's fields as parent.child, a list of plain values "
                + "joined with \"; \", a list of objects as its JSON; null is an empty cell; a cell that starts with "
                + "=, +, -, @, tab or CR gets a leading '). page and size are checked, then not used: the export "
                + "has every row. The rows are read in batches as they are written; in an order by id (the default "
                + "of most lists) each batch starts after the last id written, in another order at its offset, "
                + "where a row written meanwhile can make one be missed or repeated.");
        ok.addHeader("Content-Disposition", OASFactory.createHeader()
                .description("With text/csv: attachment; filename=\"<list>.csv\", e.g. milestones-12.csv")
                .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING))));
        APIResponse notAcceptable = operation.getResponses().getAPIResponse("406");
        if (notAcceptable != null) {
            notAcceptable.setDescription("NOT_ACCEPTABLE: the Accept header excludes both JSON and CSV");
        }
    }

    private static void collectColumns(Map<String, Schema> schemas, Schema item, String prefix, List<String> columns) {
        item.getProperties().forEach((name, property) -> {
            Schema resolved = Refs.resolve(schemas, property);
            if (resolved.getProperties() != null && !resolved.getProperties().isEmpty()) {
                collectColumns(schemas, resolved, prefix + name + ".", columns);
            } else {
                columns.add(prefix + name);
            }
        });
    }

    private static void sortResponses(APIResponses responses) {
        Map<String, APIResponse> sorted = new java.util.TreeMap<>(responses.getAPIResponses());
        sorted.keySet().forEach(responses::removeAPIResponse);
        sorted.forEach(responses::addAPIResponse);
    }

    private static void addProblem(Operation operation, String code) {
        APIResponses responses = operation.getResponses();
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(ERRORS.get(code));
            responses.addAPIResponse(code, response);
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        }
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .addProperty("field", string("responsibilityIds[2]").description("JSON path or query parameter"))
                .addProperty("message", string("must be a responsibility of this subcommittee"));
    }

    private static Schema problemSchema() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", "Conflict");
        example.put("status", 409);
        example.put("detail", "Responsibility 12 already leads Kinh tế / Báo cáo chính trị / Phần I.");
        example.put("code", "RESPONSIBILITY_OVERLAP");
        example.put("errors", List.of());
        example.put("conflictingId", 12);
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .description("RFC 9457 problem details. Extension members such as conflictingId, allowedActions "
                        + "and errorId stand at the top level where the error says.")
                .addProperty("type", string("about:blank"))
                .addProperty("title", string("Conflict"))
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int32"))
                .addProperty("detail", string("Responsibility 12 already leads Kinh tế / Báo cáo chính trị / Phần I.")
                        .type(List.of(SchemaType.STRING, SchemaType.NULL)))
                .addProperty("code", string("RESPONSIBILITY_OVERLAP"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref(Refs.SCHEMAS + "FieldError")))
                .addProperty("conflictingId", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int64")
                        .description("The existing object a uniqueness rule collided with"))
                .addProperty("conclusionId", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int64")
                        .description("When a session's close failed: the conclusion that broke the rule"))
                .addProperty("conflictingConclusionId", OASFactory.createSchema().type(List.of(SchemaType.INTEGER))
                        .format("int64").description("When two conclusions of the closing session break a rule "
                                + "together: the earlier one"))
                .addProperty("errorId", string("3f1c2d9e-7a41-4f0e-9a55-2b8f0c6d1e77")
                        .description("With 500: the id the log carries"))
                .required(List.of("type", "title", "status", "detail", "code", "errors"))
                .additionalPropertiesBoolean(true)
                .examples(List.of(example));
    }

    private static Schema string(String example) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).examples(List.of(example));
    }
}
