package vn.portal.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A webhook receiver on a free local port, as an integrating agency would run one: it keeps every
 * request as it came (headers and the raw body) and answers as scripted: by default 200, or the
 * next of the answers queued with {@link #answer}.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received: headers in lower case, the body as its bytes, when it came (this JVM's clock). */
    public record Request(String path, Map<String, String> headers, byte[] body, Instant receivedAt) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** How to answer one request: a status, headers, and how long to wait first. */
    public record Answer(int status, Map<String, String> headers, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, Map.of(), Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Answer otherwise = Answer.status(200);

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on a free local port", e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()), (a, b) -> a));
        requests.add(new Request(exchange.getRequestURI().getPath(), headers, body, receivedAt));
        Answer answer = script.pollFirst();
        if (answer == null) {
            answer = otherwise;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (IOException clientGone) {
            // the sender timed out and hung up
        }
        exchange.close();
    }

    /** The URL of a path of this receiver: {@code http://127.0.0.1:port/path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests, one each, in this order; then as {@link #otherwise}. */
    public Receiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public Receiver answer(int... statuses) {
        for (int status : statuses) {
            script.add(Answer.status(status));
        }
        return this;
    }

    /** How to answer once the script is used up. */
    public Receiver otherwise(Answer answer) {
        this.otherwise = answer;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
