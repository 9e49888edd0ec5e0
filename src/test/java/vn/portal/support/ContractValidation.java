package vn.portal.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks every response a test receives through RestAssured against the checked-in contract,
 * {@code openapi/openapi.yaml}: the operation (method and path template) must exist, must declare
 * the status, its content must declare the media type, and a JSON body must match that media
 * type's schema (JSON Schema 2020-12 with the OpenAPI 3.1 vocabulary, formats asserted). A
 * mismatch fails the test that made the request.
 *
 * <p>A JSON request body is checked against the operation's request schema when the service
 * accepted it (2xx): a request the service takes must be one the contract allows. A request sent
 * broken on purpose is refused, and so exempt; its response never is. A test that sends a request
 * the service takes but the contract does not describe (text with surrounding spaces, which the
 * service trims) says so with the header {@link #OFF_CONTRACT}, which this filter removes before
 * the request leaves; its response is still checked.
 *
 * <p>{@code -Dcontract.validation=record} appends each mismatch to
 * {@code target/contract-mismatches.txt} instead of failing (to list them all in one run).
 */
public class ContractValidation implements Filter, QuarkusTestBeforeEachCallback {

    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");
    private static final String BASE = "https://contract.portal.test/openapi.json";
    private static final Path RECORD = Path.of("target/contract-mismatches.txt");
    private static final boolean RECORDING = "record".equals(System.getProperty("contract.validation"));

    /** A request header naming why the request body is off the contract on purpose; never sent. */
    public static final String OFF_CONTRACT = "X-Test-Off-Contract";

    private static volatile Contract contract;

    /** Another contract than the checked-in one (to test this filter), which fails even when recording. */
    private final Contract other;

    public ContractValidation() {
        this.other = null;
    }

    private ContractValidation(Contract other) {
        this.other = other;
    }

    /** A filter that checks against {@code file} instead of {@code openapi/openapi.yaml}. */
    public static ContractValidation against(Path file) {
        return new ContractValidation(new Contract(file));
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ContractValidation.class::isInstance)) {
            RestAssured.filters(new ContractValidation());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        boolean offContract = request.getHeaders().hasHeaderWithName(OFF_CONTRACT);
        request.removeHeader(OFF_CONTRACT);
        Response response = context.next(request, responseSpec);
        List<String> problems = (other != null ? other : contract()).check(request, response, !offContract);
        if (!problems.isEmpty()) {
            String what = request.getMethod() + " " + request.getURI() + " -> " + response.getStatusCode();
            String message = "The response breaks openapi/openapi.yaml: " + what + "\n  "
                    + String.join("\n  ", problems) + "\n  body: " + abbreviate(response.asString());
            if (RECORDING && other == null) {
                record(message);
            } else {
                throw new AssertionError(message);
            }
        }
        return response;
    }

    private static synchronized void record(String message) {
        try {
            Files.createDirectories(RECORD.getParent());
            Files.writeString(RECORD, message + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }

    /**
     * What is wrong with an answer a test received outside RestAssured (the fuzz test's own HTTP
     * client), against the checked-in contract: empty when the contract describes it.
     */
    public static List<String> mismatches(String method, String rawPath, int status, String contentType, byte[] body) {
        return contract().checkAnswer(method, rawPath, status, contentType, body);
    }

    static Contract contract() {
        Contract loaded = contract;
        if (loaded == null) {
            synchronized (ContractValidation.class) {
                if (contract == null) {
                    contract = new Contract(CONTRACT);
                }
                loaded = contract;
            }
        }
        return loaded;
    }

    /** The contract's operations, and their schemas compiled once each. */
    static final class Contract {

        private final ObjectMapper json = JsonMapper.builder().build();
        private final JsonNode document;
        private final SchemaRegistry registry;
        private final List<Route> routes = new ArrayList<>();
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

        Contract(Path file) {
            try {
                document = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String text = json.writeValueAsString(document);
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                    builder -> builder.schemas(Map.of(BASE, text)).schemaRegistryConfig(config));
            document.get("paths").properties().forEach(path -> routes.add(new Route(path.getKey())));
            // a literal segment beats a template: /submissions/export before /submissions/{id}
            routes.sort(Comparator.comparingInt(Route::templates).thenComparing(Route::template));
        }

        List<String> check(FilterableRequestSpecification request, Response response, boolean checkRequest) {
            String path = URI.create(request.getURI()).getRawPath();
            String method = request.getMethod();
            List<String> problems = new ArrayList<>();
            JsonNode operation = operation(method, path);
            if (operation != null && checkRequest && response.getStatusCode() / 100 == 2) {
                problems.addAll(checkRequest(request, operation, pointerTo(operation)));
            }
            problems.addAll(checkAnswer(method, path, response.getStatusCode(), response.getContentType(),
                    response.asByteArray()));
            return problems;
        }

        /**
         * The operation a request reaches: its path as the HTTP server normalizes it, and HEAD as the
         * GET it answers without a body. A method is case-sensitive: {@code get} is no method.
         */
        private JsonNode operation(String method, String path) {
            if (!method.equals(method.toUpperCase(Locale.ROOT))) {
                return null;
            }
            String key = method.equals("HEAD") ? "get" : method.toLowerCase(Locale.ROOT);
            String normalized = normalized(path);
            return routes.stream().filter(route -> route.matches(normalized))
                    .map(route -> document.get("paths").get(route.template()).get(key))
                    .filter(node -> node != null).findFirst().orElse(null);
        }

        /** Matrix parameters and fragments dropped, dots (also escaped) resolved, empty segments and the last slash gone. */
        private static String normalized(String rawPath) {
            String path = rawPath.replaceAll("#.*$", "").replaceAll(";[^/]*", "").replaceAll("(?i)%2e", ".");
            Deque<String> segments = new ArrayDeque<>();
            for (String segment : path.split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..")) {
                    segments.pollLast();
                } else {
                    segments.addLast(segment);
                }
            }
            return "/" + String.join("/", segments);
        }

        /** What is wrong with an answer to {@code method} (as sent) on {@code path} (raw, no query). */
        List<String> checkAnswer(String method, String path, int statusCode, String contentType, byte[] body) {
            if (!path.startsWith("/api/")) {
                return List.of(); // /q/…: health, metrics, the OpenAPI document itself
            }
            JsonNode operation = operation(method, path);
            String status = String.valueOf(statusCode);
            if (operation == null) {
                if (method.equals("OPTIONS") && statusCode / 100 == 2) {
                    return List.of(); // a CORS preflight, answered before any operation
                }
                // no such path or method (refused before the login is even asked for, or after): the
                // answer must still be the problem the contract defines
                if (status.equals("401") || status.equals("404") || status.equals("405")) {
                    return body.length == 0 || "HEAD".equals(method) ? List.of()
                            : validate("/components/schemas/Problem", new String(body, StandardCharsets.UTF_8));
                }
                return List.of("no operation " + method + " " + path + " in the contract");
            }
            String pointer = pointerTo(operation);
            List<String> problems = new ArrayList<>();
            JsonNode declared = operation.path("responses").get(status);
            String statusKey = status;
            if (declared == null) {
                declared = operation.path("responses").get("default");
                statusKey = "default";
            }
            if (declared == null) {
                problems.add("status " + status + " is not declared for this operation");
                return problems;
            }
            if (body.length == 0 || "HEAD".equals(method)) {
                if (declared.has("content") && statusCode != 304 && !"HEAD".equals(method)) {
                    problems.add("an empty body where the contract declares content");
                }
                return problems;
            }
            JsonNode content = declared.get("content");
            String mediaType = mediaType(contentType);
            if (content == null) {
                problems.add("a " + mediaType + " body where the contract declares none");
                return problems;
            }
            String key = contentKey(content, mediaType);
            if (key == null) {
                problems.add("media type " + mediaType + " is not declared (declared: "
                        + String.join(", ", content.propertyNames()) + ")");
                return problems;
            }
            if (isJson(mediaType) && content.get(key).has("schema")) {
                problems.addAll(validate(pointer + "/responses/" + escape(statusKey) + "/content/" + escape(key)
                        + "/schema", new String(body, StandardCharsets.UTF_8)));
            }
            return problems;
        }

        private List<String> checkRequest(FilterableRequestSpecification request, JsonNode operation, String pointer) {
            Object body = request.getBody();
            String mediaType = mediaType(request.getContentType());
            if (body == null || !isJson(mediaType) || !operation.has("requestBody")) {
                return List.of();
            }
            JsonNode content = operation.get("requestBody").path("content");
            String key = contentKey(content, mediaType);
            if (key == null) {
                return List.of("the request's media type " + mediaType + " is not declared, yet it was accepted");
            }
            if (!content.get(key).has("schema")) {
                return List.of();
            }
            String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : body.toString();
            return validate(pointer + "/requestBody/content/" + escape(key) + "/schema", text).stream()
                    .map(problem -> "request " + problem).collect(Collectors.toList());
        }

        private List<String> validate(String pointer, String body) {
            JsonNode instance;
            try {
                instance = json.readTree(body);
            } catch (RuntimeException e) {
                return List.of("a body that is not JSON: " + e.getMessage());
            }
            Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
            List<Error> errors = schema.validate(instance);
            return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()
                    + " (schema " + error.getEvaluationPath() + ")").distinct().limit(20).collect(Collectors.toList());
        }

        private String pointerTo(JsonNode operation) {
            Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").properties().iterator();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                    if (method.getValue() == operation) {
                        return "/paths/" + escape(path.getKey()) + "/" + method.getKey();
                    }
                }
            }
            throw new IllegalStateException("operation not in the document");
        }
    }

    private static String contentKey(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return mediaType;
        }
        for (String key : content.propertyNames()) {
            if (key.equals("*/*") || (key.endsWith("/*") && mediaType.startsWith(key.substring(0, key.length() - 1)))) {
                return key;
            }
        }
        return null;
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A JSON pointer token: ~ and / escaped, and the URI fragment's own characters percent-encoded. */
    private static String escape(String token) {
        String pointer = token.replace("~", "~0").replace("/", "~1");
        StringBuilder encoded = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** A path template of the contract as a pattern over a raw request path. */
    private record Route(String template, Pattern pattern, int templates) {

        Route(String template) {
            this(template, Pattern.compile(Pattern.quote(template.replaceAll("\\{[^/}]+}", "\u0000"))
                    .replace("\u0000", "\\E[^/]+\\Q")),
                    (int) template.chars().filter(c -> c == '{').count());
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
