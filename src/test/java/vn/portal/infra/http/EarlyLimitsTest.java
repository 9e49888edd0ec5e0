package vn.portal.infra.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.support.Api;
import vn.portal.support.LoggedInAsAdmin;

/**
 * A body over its limit (JSON 4 MiB, a multipart body one 20 MiB file and its part headers) is
 * refused with a problem+json 413: from its Content-Length before a byte of it is read, and when
 * it comes without one (chunked, or HTTP/2 DATA frames) as soon as the bytes that have arrived go
 * over the limit; nothing beyond is passed on, and the service stays healthy. The server's own
 * count at the refusal is read from its log.
 */
@QuarkusTest
class EarlyLimitsTest {

    private static final long MIB = 1024 * 1024;
    private static final long JSON_LIMIT = EarlyLimits.MAX_JSON_BYTES;
    private static final long MULTIPART_LIMIT = EarlyLimits.MAX_MULTIPART_BYTES;
    /** What may pass the limit before the meter sees it crossed: one decoded chunk or frame. */
    private static final long ONE_READ = 64 * 1024;
    private static final Pattern ARRIVED = Pattern.compile("went over (\\d+) bytes \\((\\d+) arrived so far\\)");

    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Handler logged = new Handler() {
        @Override
        public void publish(LogRecord record) {
            refusals.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listenToRefusals() {
        java.util.logging.Logger.getLogger(EarlyLimits.class.getName()).addHandler(logged);
    }

    @AfterEach
    void theServiceStaysHealthy() {
        java.util.logging.Logger.getLogger(EarlyLimits.class.getName()).removeHandler(logged);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/api/v1/me").then().statusCode(200);
    }

    // --- declared too large: refused from the head ---------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "/api/v1/subcommittees, application/json, 4194305, A JSON body may be at most 4 MiB",
            "/api/v1/subcommittees, application/json, 1073741824, A JSON body may be at most 4 MiB",
            "/api/v1/submissions/1/attachments, multipart/form-data; boundary=x, 26214400, A file may be at most 20 MiB",
            "/api/v1/submissions/1/attachments, multipart/form-data; boundary=x, 1073741824, A file may be at most 20 MiB",
            "/no/such/path, application/json, 4194305, A JSON body may be at most 4 MiB"
    })
    void anOversizedBodyIsRefusedBeforeItIsRead(String path, String type, long declared, String detail) throws IOException {
        try (Socket socket = open()) {
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + declared + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(new byte[1024]);
            socket.getOutputStream().flush();
            Answer answer = Answer.read(socket.getInputStream());
            answer.assertProblem(413, "PAYLOAD_TOO_LARGE");
            assertTrue(answer.body.contains(detail), answer.body);
        }
    }

    @Test
    void expectContinueWithAnOversizedLengthGetsTheRefusalInsteadOfContinue() throws IOException {
        try (Socket socket = open()) {
            String head = "POST /api/v1/subcommittees HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nAuthorization: " + LoggedInAsAdmin.AUTHORIZATION
                    + "\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Answer answer = Answer.read(socket.getInputStream());
            assertFalse(answer.interim, "100 Continue was sent before the refusal");
            answer.assertProblem(413, "PAYLOAD_TOO_LARGE");
        }
    }

    // --- chunked: counted as it arrives ---------------------------------------------------------

    @Test
    void aChunkedJsonBodyOfExactlyFourMebibytesIsTaken() throws Exception {
        String code = "L-" + Api.unique();
        Exchange exchange = Exchange.chunked("POST", "/api/v1/subcommittees", "application/json", true,
                Body.padded(subcommittee(code), JSON_LIMIT, ' ', ""));

        assertEquals(201, exchange.answer.status, exchange.answer.body);
        assertTrue(exchange.answer.body.contains("\"code\":\"" + code + "\""), exchange.answer.body);
        assertTrue(refusals.isEmpty(), refusals::toString);
    }

    @Test
    void aChunkedJsonBodyOneByteOverFourMebibytesIsRefused() throws Exception {
        Exchange exchange = Exchange.chunked("POST", "/api/v1/subcommittees", "application/json", true,
                Body.padded(subcommittee("L-" + Api.unique()), JSON_LIMIT + 1, ' ', ""));

        exchange.answer.assertProblem(413, "PAYLOAD_TOO_LARGE");
        assertTrue(exchange.answer.body.contains("A JSON body may be at most 4 MiB"), exchange.answer.body);
        assertTrue(exchange.closed, "the connection of a refused body is closed");
        assertEquals(JSON_LIMIT + 1, arrivedAtRefusal(JSON_LIMIT));
    }

    /** 40 MiB is drained and thrown away behind the answer; 100 MiB is cut off at the discard bound. */
    @ParameterizedTest
    @ValueSource(longs = { 40 * MIB, 100 * MIB })
    void aLargeChunkedJsonBodyIsRefusedAsSoonAsItCrossesTheLimit(long size) throws Exception {
        Exchange exchange = Exchange.chunked("POST", "/api/v1/subcommittees", "application/json", true,
                Body.padded(subcommittee("L-" + Api.unique()), size, ' ', ""));

        exchange.answer.assertProblem(413, "PAYLOAD_TOO_LARGE");
        long arrived = arrivedAtRefusal(JSON_LIMIT);
        assertTrue(arrived <= JSON_LIMIT + ONE_READ, "arrived at the refusal: " + arrived);
        assertTrue(exchange.closed, "the connection of a refused body is closed");
        if (size > Http1BodyMeter.DISCARD_UP_TO) {
            assertTrue(exchange.written < size, "the server read all " + size + " bytes");
        }
        report("chunked JSON " + size, arrived, exchange);
    }

    @ParameterizedTest
    @CsvSource({ "/no/such/path, true", "/api/v1/subcommittees, false" })
    void aLargeChunkedBodyIsCutOffOnEveryPathWithOrWithoutALogin(String path, boolean loggedIn) throws Exception {
        Exchange exchange = Exchange.chunked("POST", path, "application/json", loggedIn,
                Body.padded("{", 100 * MIB, ' ', "}"));

        // refusing earlier (404, 401) is as good; what matters is a problem+json answer and the cut
        assertTrue(List.of(401, 404, 413).contains(exchange.answer.status), exchange.answer.head);
        assertEquals("application/problem+json", exchange.answer.type(), exchange.answer.head);
        assertTrue(exchange.closed, "the connection was not closed");
        assertTrue(exchange.written < 100 * MIB, "the server read all of the body");
        report("chunked JSON 100 MiB to " + path + (loggedIn ? "" : " without login"), arrivedAtRefusal(JSON_LIMIT),
                exchange);
    }

    @Test
    void aChunkedMultipartBodyOverTwentyMebibytesIsRefusedWithoutSpoolingMore() throws Exception {
        long sid = Api.createSubmissionIn("DRAFT");
        Path uploads = Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
        UploadWatch watch = UploadWatch.start(uploads);
        Exchange exchange;
        try {
            exchange = Exchange.chunked("POST", "/api/v1/submissions/" + sid + "/attachments",
                    "multipart/form-data; boundary=" + BOUNDARY, true, multipartPdf(40 * MIB));
        } finally {
            watch.stop();
        }

        exchange.answer.assertProblem(413, "PAYLOAD_TOO_LARGE");
        assertTrue(exchange.answer.body.contains("A file may be at most 20 MiB"), exchange.answer.body);
        long arrived = arrivedAtRefusal(MULTIPART_LIMIT);
        assertTrue(arrived <= MULTIPART_LIMIT + ONE_READ, "arrived at the refusal: " + arrived);
        assertTrue(watch.largest <= EarlyLimits.MAX_FILE_BYTES + ONE_READ, "spooled: " + watch.largest);
        assertTrue(UploadWatch.emptiedWithin(uploads, 10), "an upload was left behind in " + uploads);
        given().get("/api/v1/submissions/" + sid).then().statusCode(200)
                .body("attachments.size()", org.hamcrest.Matchers.equalTo(0));
        report("chunked multipart 40 MiB (largest spooled file " + watch.largest + ")", arrived, exchange);
    }

    @Test
    void aChunkedMultipartFileOfExactlyTwentyMebibytesIsStored() throws Exception {
        long sid = Api.createSubmissionIn("DRAFT");
        Body body = multipartPdf(EarlyLimits.MAX_FILE_BYTES);

        Exchange exchange = Exchange.chunked("POST", "/api/v1/submissions/" + sid + "/attachments",
                "multipart/form-data; boundary=" + BOUNDARY, true, body);

        assertEquals(201, exchange.answer.status, exchange.answer.body);
        assertTrue(exchange.answer.body.contains("\"size\":" + EarlyLimits.MAX_FILE_BYTES), exchange.answer.body);
        assertTrue(exchange.answer.body.contains("\"sha256\":\"" + body.sha256OfFile() + "\""), exchange.answer.body);
        assertTrue(refusals.isEmpty(), refusals::toString);
    }

    @Test
    void aSecondRequestOnAKeptAliveConnectionIsMeteredToo() throws Exception {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + LoggedInAsAdmin.AUTHORIZATION
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(200, Answer.read(socket.getInputStream()).status);

            Exchange exchange = Exchange.chunkedOn(socket, "POST", "/api/v1/subcommittees", "application/json", true,
                    Body.padded("{", 10 * MIB, ' ', "}"));

            exchange.answer.assertProblem(413, "PAYLOAD_TOO_LARGE");
            assertTrue(arrivedAtRefusal(JSON_LIMIT) <= JSON_LIMIT + ONE_READ, refusals::toString);
        }
    }

    // --- what the body is sent in ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "gzip", "deflate", "br" })
    void aCompressedBodyIsRefusedWith415(String encoding) throws Exception {
        try (Socket socket = open()) {
            String head = "POST /api/v1/subcommittees HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nAuthorization: " + LoggedInAsAdmin.AUTHORIZATION + "\r\nContent-Encoding: " + encoding
                    + "\r\nContent-Length: 2\r\n\r\n{}";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Answer.read(socket.getInputStream()).assertProblem(415, "UNSUPPORTED_MEDIA_TYPE");
        }
        Exchange chunked = Exchange.chunked("POST", "/api/v1/subcommittees", "application/json", true,
                Body.padded("{", 10 * MIB, ' ', "}"), "Content-Encoding: " + encoding);
        chunked.answer.assertProblem(415, "UNSUPPORTED_MEDIA_TYPE");
        assertTrue(chunked.closed, "the connection was not closed");
    }

    /**
     * Netty's HTTP decoder refuses these before any of the service's code runs, and Vert.x answers
     * 400 (with an empty body) and closes the connection; nothing of the body is read.
     */
    @ParameterizedTest
    @ValueSource(strings = { "Content-Length: abc", "Content-Length: -5", "Content-Length: 5, 7",
            "Content-Length: 5\r\nContent-Length: 6", "Content-Length: 99999999999999999999",
            "Content-Length: 5\r\nTransfer-Encoding: chunked" })
    void aMalformedContentLengthIsRefusedByTheHttpDecoder(String header) throws IOException {
        try (Socket socket = open()) {
            String head = "POST /api/v1/subcommittees HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nAuthorization: " + LoggedInAsAdmin.AUTHORIZATION + "\r\n" + header + "\r\n\r\n{}";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Answer answer = Answer.read(socket.getInputStream());
            assertEquals(400, answer.status, answer.head);
            assertTrue(closedSoon(socket), "the connection stays open");
        }
    }

    // --- HTTP/2 (cleartext, prior knowledge) ----------------------------------------------------

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void anOversizedHttp2BodyIsRefusedAndItsStreamReset(boolean declared) throws Exception {
        H2Result result = H2Result.upload("/api/v1/subcommittees", "application/json", 40 * MIB, declared);

        assertEquals("413", result.status, result.toString());
        assertEquals("application/problem+json", result.contentType, result.toString());
        assertTrue(result.body.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), result.body);
        assertEquals(0, result.resetCode, "RST_STREAM(NO_ERROR) after the answer: " + result);
        assertTrue(result.written < 40 * MIB, result.toString());
        if (!declared) {
            long arrived = arrivedAtRefusal(JSON_LIMIT);
            assertTrue(arrived <= JSON_LIMIT + ONE_READ, "arrived at the refusal: " + arrived);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static final String BOUNDARY = "limits-boundary-7MA4YWxkTrZu0gW";

    private static Socket open() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static String subcommittee(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"Tiểu ban giới hạn\",\"kind\":\"OTHER\","
                + "\"congress\":\"Đại hội XXV\",\"termStart\":2020,\"termEnd\":2025}";
    }

    /** A multipart body whose one part, file, is a PDF of {@code size} bytes. */
    private static Body multipartPdf(long size) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gioi-han.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n";
        return Body.padded(head, size - "%PDF-1.7\n".length(), 'x', "\r\n--" + BOUNDARY + "--\r\n", "%PDF-1.7\n");
    }

    /** The count the server logged when it refused a body over {@code limit}. */
    private long arrivedAtRefusal(long limit) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (String message : refusals) {
                Matcher m = ARRIVED.matcher(message);
                if (m.find() && Long.parseLong(m.group(1)) == limit) {
                    return Long.parseLong(m.group(2));
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no refusal over " + limit + " was logged: " + refusals);
    }

    private static void report(String what, long arrived, Exchange exchange) {
        System.out.printf("EarlyLimitsTest: %s: the server had %d bytes when it refused; the client had written %d"
                + " when the answer came and %d in all%n", what, arrived, exchange.writtenBeforeAnswer, exchange.written);
    }

    private static boolean closedSoon(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // the rest of an answer
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** A body: a prefix, {@code filler} bytes of one value, a suffix. */
    private record Body(byte[] prefix, long filler, byte fill, byte[] suffix, byte[] fileStart) {

        static Body padded(String prefix, long total, char fill, String suffix) {
            byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] s = suffix.getBytes(StandardCharsets.UTF_8);
            return new Body(p, total - p.length - s.length, (byte) fill, s, new byte[0]);
        }

        /** A multipart body: the filler follows {@code fileStart}, the file's first bytes, which end the prefix. */
        static Body padded(String prefix, long filler, char fill, String suffix, String fileStart) {
            return new Body(prefix.getBytes(StandardCharsets.UTF_8), filler, (byte) fill,
                    suffix.getBytes(StandardCharsets.UTF_8), fileStart.getBytes(StandardCharsets.US_ASCII));
        }

        String sha256OfFile() throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(fileStart);
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, fill);
            for (long left = filler; left > 0; left -= block.length) {
                digest.update(block, 0, (int) Math.min(block.length, left));
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** An HTTP/1.1 answer as read off the socket. */
    private static final class Answer {
        int status;
        boolean interim;
        String head = "";
        final Map<String, String> headers = new LinkedHashMap<>();
        String body = "";

        String type() {
            return headers.getOrDefault("content-type", "");
        }

        void assertProblem(int expectedStatus, String code) {
            assertEquals(expectedStatus, status, head + body);
            assertEquals("application/problem+json", type(), head);
            assertTrue(body.contains("\"code\":\"" + code + "\""), body);
        }

        /** Reads one final answer, skipping 1xx ones; the server need not close the connection first. */
        static Answer read(InputStream in) throws IOException {
            Answer answer = new Answer();
            while (true) {
                String head = readHead(in);
                int status = Integer.parseInt(head.substring(9, 12));
                if (status >= 200) {
                    answer.status = status;
                    answer.head = head;
                    break;
                }
                answer.interim = true;
            }
            for (String line : answer.head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    answer.headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            int length = Integer.parseInt(answer.headers.getOrDefault("content-length", "0"));
            byte[] body = new byte[length];
            new DataInputStream(in).readFully(body);
            answer.body = new String(body, StandardCharsets.UTF_8);
            return answer;
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b == -1) {
                    throw new IOException("closed before an answer: " + head.toString(StandardCharsets.US_ASCII));
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }

    /**
     * One request whose chunked body is written by a second thread while the answer is read, as
     * a client that reads while it sends would: how much had been written when the answer came,
     * how much in all, and whether the server then closed the connection.
     */
    private static final class Exchange {
        Answer answer;
        long writtenBeforeAnswer;
        long written;
        boolean closed;

        static Exchange chunked(String method, String path, String type, boolean loggedIn, Body body,
                String... headers) throws Exception {
            try (Socket socket = open()) {
                return chunkedOn(socket, method, path, type, loggedIn, body, headers);
            }
        }

        static Exchange chunkedOn(Socket socket, String method, String path, String type, boolean loggedIn, Body body,
                String... headers) throws Exception {
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n");
            if (loggedIn) {
                head.append("Authorization: ").append(LoggedInAsAdmin.AUTHORIZATION).append("\r\n");
            }
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("\r\n");
            AtomicLong written = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                try {
                    writeChunk(out, body.prefix(), written);
                    writeChunk(out, body.fileStart(), written);
                    byte[] block = new byte[64 * 1024];
                    Arrays.fill(block, body.fill());
                    for (long left = body.filler(); left > 0; left -= block.length) {
                        writeChunk(out, left >= block.length ? block : Arrays.copyOf(block, (int) left), written);
                    }
                    writeChunk(out, body.suffix(), written);
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByServer) {
                    // the server stopped reading: how far it got is in written
                } finally {
                    done.set(true);
                }
            }, "chunked-writer");
            writer.start();
            Exchange exchange = new Exchange();
            InputStream in = socket.getInputStream();
            exchange.answer = Answer.read(new FirstByte(in, () -> exchange.writtenBeforeAnswer = written.get()));
            writer.join(TimeUnit.SECONDS.toMillis(120));
            assertTrue(done.get(), "the writer is still writing");
            exchange.written = written.get();
            if (exchange.answer.status >= 400 || exchange.answer.headers.containsKey("connection")) {
                exchange.closed = closedSoon(socket);
            }
            return exchange;
        }

        private static void writeChunk(OutputStream out, byte[] data, AtomicLong written) throws IOException {
            if (data.length == 0) {
                return;
            }
            out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            written.addAndGet(data.length);
        }
    }

    /** Notes the moment the first byte of the answer arrives. */
    private static final class FirstByte extends InputStream {
        private final InputStream in;
        private Runnable first;

        FirstByte(InputStream in, Runnable first) {
            this.in = in;
            this.first = first;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (first != null && b != -1) {
                first.run();
                first = null;
            }
            return b;
        }
    }

    /** Polls the upload directory while a body is sent, keeping the largest file seen. */
    private static final class UploadWatch {
        private final Path directory;
        private final Thread thread;
        private volatile boolean running = true;
        volatile long largest;

        private UploadWatch(Path directory) {
            this.directory = directory;
            this.thread = new Thread(this::poll, "upload-watch");
        }

        static UploadWatch start(Path directory) {
            UploadWatch watch = new UploadWatch(directory);
            watch.thread.start();
            return watch;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void poll() {
            while (running) {
                for (Path file : files(directory)) {
                    try {
                        largest = Math.max(largest, Files.size(file));
                    } catch (IOException gone) {
                        // deleted between the listing and the size
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        static boolean emptiedWithin(Path directory, int seconds) throws InterruptedException {
            for (int i = 0; i < seconds * 20; i++) {
                if (files(directory).isEmpty()) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        }

        private static List<Path> files(Path directory) {
            try (Stream<Path> listing = Files.list(directory)) {
                return listing.toList();
            } catch (IOException e) {
                return List.of();
            }
        }
    }

    /**
     * One POST over cleartext HTTP/2 (prior knowledge), framed by hand with Netty's HPACK coder:
     * DATA frames are sent as flow control allows until the server answers and resets the stream.
     */
    private static final class H2Result {
        String status;
        String contentType;
        String body = "";
        long resetCode = -1;
        long written;

        @Override
        public String toString() {
            return "status " + status + ", type " + contentType + ", reset " + resetCode + ", written " + written
                    + ", body " + body;
        }

        static H2Result upload(String path, String type, long size, boolean declared) throws Exception {
            H2Result result = new H2Result();
            try (Socket socket = open()) {
                OutputStream out = socket.getOutputStream();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                frame(out, 0x4, 0, 0, new byte[0]);
                Http2Headers headers = new DefaultHttp2Headers().method("POST").scheme("http").path(path)
                        .authority("localhost").add("content-type", type)
                        .add("authorization", LoggedInAsAdmin.AUTHORIZATION);
                if (declared) {
                    headers.add("content-length", Long.toString(size));
                }
                ByteBuf block = Unpooled.buffer();
                new DefaultHttp2HeadersEncoder().encodeHeaders(1, headers, block);
                byte[] encoded = new byte[block.readableBytes()];
                block.readBytes(encoded);
                frame(out, 0x1, 0x4, 1, encoded);
                DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder();
                long streamWindow = 65_535;
                long connectionWindow = 65_535;
                byte[] data = new byte[16_384];
                Arrays.fill(data, (byte) ' ');
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                socket.setSoTimeout(60_000);
                while (result.resetCode < 0) {
                    while (result.written < size && streamWindow > 0 && connectionWindow > 0 && in.available() == 0) {
                        int n = (int) Math.min(Math.min(data.length, size - result.written),
                                Math.min(streamWindow, connectionWindow));
                        boolean last = result.written + n == size;
                        frame(out, 0x0, last ? 0x1 : 0, 1, Arrays.copyOf(data, n));
                        result.written += n;
                        streamWindow -= n;
                        connectionWindow -= n;
                    }
                    int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
                    int frameType = in.readUnsignedByte();
                    int flags = in.readUnsignedByte();
                    int stream = in.readInt() & 0x7fffffff;
                    byte[] payload = new byte[length];
                    in.readFully(payload);
                    switch (frameType) {
                        case 0x4 -> {
                            if ((flags & 0x1) == 0) {
                                frame(out, 0x4, 0x1, 0, new byte[0]);
                            }
                        }
                        case 0x8 -> {
                            long increment = ((payload[0] & 0x7fL) << 24) | ((payload[1] & 0xffL) << 16)
                                    | ((payload[2] & 0xffL) << 8) | (payload[3] & 0xffL);
                            if (stream == 0) {
                                connectionWindow += increment;
                            } else {
                                streamWindow += increment;
                            }
                        }
                        case 0x1 -> {
                            int from = (flags & 0x8) != 0 ? 1 : 0;
                            int to = payload.length - ((flags & 0x8) != 0 ? payload[0] & 0xff : 0);
                            from += (flags & 0x20) != 0 ? 5 : 0;
                            Http2Headers answered = decoder.decodeHeaders(stream,
                                    Unpooled.wrappedBuffer(payload, from, to - from));
                            result.status = String.valueOf(answered.status());
                            CharSequence contentType = answered.get("content-type");
                            result.contentType = contentType == null ? null : contentType.toString();
                        }
                        case 0x0 -> answer.write(payload);
                        case 0x3 -> result.resetCode = ((payload[0] & 0xffL) << 24) | ((payload[1] & 0xffL) << 16)
                                | ((payload[2] & 0xffL) << 8) | (payload[3] & 0xffL);
                        case 0x7 -> throw new AssertionError("GOAWAY: " + result + " " + answer);
                        default -> {
                            // PING and the like
                        }
                    }
                }
                result.body = answer.toString(StandardCharsets.UTF_8);
            }
            return result;
        }

        private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
            byte[] header = { (byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                    (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
                    (byte) stream };
            out.write(header);
            out.write(payload);
            out.flush();
        }
    }
}
