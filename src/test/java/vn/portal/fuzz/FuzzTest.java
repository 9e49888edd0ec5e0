package vn.portal.fuzz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.portal.fuzz.Contract.Operation;
import vn.portal.support.Api;
import vn.portal.support.ContractValidation;
import vn.portal.support.Webhooks;

/**
 * Any input gets a clean answer: thousands of malformed requests, generated from
 * {@code openapi/openapi.yaml} with a fixed seed, at every operation it lists, mostly as the
 * admin (so they reach the resources) and some as no one. No answer may be a 5xx; every refusal
 * is problem+json carrying its own status and a {@code code}; no body names the service's
 * insides; and the service is still ready, and still creates and reads, afterwards.
 *
 * <p>Replay another sequence with {@code -Dfuzz.seed=<n>}; {@code -Dfuzz.rounds} sets the random
 * requests per operation (after the systematic ones), {@code -Dfuzz.threads} how many operations
 * are fuzzed at once.
 */
@QuarkusTest
class FuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_200_220L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 40);
    private static final int THREADS = Integer.getInteger("fuzz.threads", 2);
    /** What a body must never show: a stack trace, class or package names, SQL. */
    private static final Pattern INSIDES = Pattern.compile(
            "Exception|\\tat |Caused by|java\\.|jakarta\\.|org\\.hibernate|io\\.(quarkus|vertx|netty|smallrye)|vn\\.portal\\.|SQL");
    private static final Pattern TRACE = Pattern.compile("Exception|\\tat |Caused by");
    private static final int EXAMPLES = 40;
    private static final Path REPORT = Path.of("target", "fuzz-report.txt");
    /** Only the operations whose id matches, to replay a finding quickly. */
    private static final Pattern ONLY = Pattern.compile(System.getProperty("fuzz.only", ".*"));

    @TestHTTPResource("/")
    URI base;

    /** One kind of wrong answer, with the first request that got it. */
    private record Failure(String request, String answer, LongAdder count) {
    }

    private final Map<String, LongAdder> histogram = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> perOperation = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    /** Requests malformed below HTTP that got no problem+json (allowed), by kind and answer. */
    private final Map<String, LongAdder> belowHttpAnswers = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> timePerKind = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> countPerKind = new ConcurrentSkipListMap<>();

    @Test
    void anyInputGetsACleanAnswer() throws Exception {
        System.out.println("FuzzTest: seed " + SEED + " (replay another with -Dfuzz.seed=<n>)");
        List<Operation> operations = Contract.read(Path.of("openapi", "openapi.yaml"));
        assertTrue(operations.size() > 30, "openapi/openapi.yaml lists too few operations: " + operations.size());
        Wire wire = new Wire(base);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            Set<String> paths = new HashSet<>();
            for (Operation op : operations) {
                if (!ONLY.matcher(op.id()).matches()) {
                    continue;
                }
                boolean firstOfPath = paths.add(op.template());
                running.add(pool.submit(() -> fuzz(wire, op, firstOfPath)));
            }
            for (Future<?> future : running) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        int turnedOff = Webhooks.turnOffAtNowhere();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = histogram.values().stream().mapToLong(LongAdder::sum).sum();
        Map<String, Long> statuses = new TreeMap<>();
        histogram.forEach((status, count) -> statuses.put(status, count.sum()));
        System.out.printf("FuzzTest: %d requests, %d of %d operations, seed %d, %.1f s, statuses %s (none: no answer), %d answers below HTTP, %d webhooks it left on turned off%n",
                total, perOperation.size(), operations.size(), SEED, seconds, statuses,
                belowHttpAnswers.values().stream().mapToLong(LongAdder::sum).sum(), turnedOff);

        List<String> uncovered = operations.stream().map(Operation::id)
                .filter(id -> ONLY.matcher(id).matches() && !perOperation.containsKey(id)).toList();
        assertEquals(List.of(), uncovered, "operations that got no request");

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        long id = Api.createSubcommittee();
        given().get("/api/v1/subcommittees/" + id).then().statusCode(200).body("id", equalTo((int) id));

        List<String> report = failures.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " ×" + e.getValue().count().sum() + "\n  " + e.getValue().request()
                        + "\n  -> " + e.getValue().answer())
                .toList();
        List<String> lines = new ArrayList<>();
        timePerKind.forEach((kind, nanos) -> lines.add(String.format("%-28s %6d requests %8.1f s", kind,
                countPerKind.get(kind).sum(), nanos.sum() / 1e9)));
        belowHttpAnswers.forEach((kind, count) -> lines.add(String.format("below HTTP: %-50s %6d", kind, count.sum())));
        lines.addAll(report);
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, lines, StandardCharsets.UTF_8);
        assertTrue(failures.isEmpty(), failures.size() + " kinds of unclean answers (seed " + SEED + "; all of them in "
                + REPORT + "):\n" + report.stream().limit(EXAMPLES).collect(Collectors.joining("\n")));
    }

    private void fuzz(Wire wire, Operation op, boolean firstOfPath) {
        Fixture fixture = new Fixture(wire, Api.unique());
        Random random = new Random(SEED * 31 + op.id().hashCode());
        for (Case c : Cases.of(op, fixture, random, ROUNDS, firstOfPath)) {
            long sent = System.nanoTime();
            Wire.Answer answer = wire.send(c);
            timePerKind.computeIfAbsent(c.kind, k -> new LongAdder()).add(System.nanoTime() - sent);
            countPerKind.computeIfAbsent(c.kind, k -> new LongAdder()).increment();
            perOperation.computeIfAbsent(op.id(), k -> new LongAdder()).increment();
            histogram.computeIfAbsent(answer.failure() == null ? Integer.toString(answer.status()) : "none",
                    k -> new LongAdder()).increment();
            String fault = fault(c, answer);
            if (fault != null) {
                String signature = op.id() + " " + c.kind + " -> " + answer.status() + " " + fault;
                failures.computeIfAbsent(signature, k -> new Failure(c.describe(), answer.status() + " "
                        + answer.headers().getOrDefault("content-type", List.of()) + " "
                        + Case.shorten(Case.printable(answer.text()), 600), new LongAdder())).count().increment();
            }
        }
    }

    private void belowHttp(Case c, String answer) {
        belowHttpAnswers.computeIfAbsent(c.kind + " -> " + answer, k -> new LongAdder()).increment();
    }

    /** What is wrong with the answer, or null when it is clean. */
    private String fault(Case c, Wire.Answer answer) {
        boolean belowHttp = c.belowHttp();
        if (answer.failure() != null) {
            if (belowHttp) {
                belowHttp(c, "closed");
                return null;
            }
            return answer.failure();
        }
        int status = answer.status();
        String type = answer.header("Content-Type");
        boolean text = type == null || type.contains("json") || type.startsWith("text/");
        String body = text ? answer.text() : "";
        if (status >= 500) {
            return "a server error";
        }
        Matcher insides = (status >= 400 ? INSIDES : TRACE).matcher(body);
        if (insides.find()) {
            return "the body names the service's insides (" + insides.group() + ")";
        }
        if (status < 400) {
            return c.mustBeRefused ? "taken, though the contract refuses it" : offContract(c, answer);
        }
        if (type == null || !type.startsWith("application/problem+json")) {
            if (belowHttp && (type == null || !type.startsWith("application/json"))) {
                belowHttp(c, status + (type == null ? " bare" : " " + type));
                return null;
            }
            return "not problem+json";
        }
        if (c.method.equals("HEAD")) {
            return null;
        }
        JsonNode problem;
        try {
            problem = Fixture.JSON.readTree(answer.body());
        } catch (IOException e) {
            return "a problem that is not JSON";
        }
        if (problem == null || problem.path("status").asInt() != status) {
            return "a problem whose status is not the answer's";
        }
        if (!problem.path("code").isTextual() || problem.path("code").asText().isBlank()) {
            return "a problem without a code";
        }
        if (status == 401 && answer.header("WWW-Authenticate") == null) {
            return "a 401 without WWW-Authenticate";
        }
        if (status == 405 && answer.header("Allow") == null) {
            return "a 405 without Allow";
        }
        return offContract(c, answer);
    }

    /** The answer checked against openapi/openapi.yaml like every RestAssured answer: its status, type and body. */
    private static String offContract(Case c, Wire.Answer answer) {
        List<String> mismatches = ContractValidation.mismatches(c.method, c.path, answer.status(),
                answer.header("Content-Type"), answer.body());
        return mismatches.isEmpty() ? null : "an answer the contract does not describe: " + String.join("; ", mismatches);
    }
}
