package vn.portal.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.portal.support.LoggedInAsAdmin;

/**
 * Sends a {@link Case} through real HTTP: with the JDK's client (kept-alive connections) when it
 * can carry the request, otherwise byte for byte over a socket of its own (raw non-ASCII in the
 * target, control characters in a header, a Content-Length of our choosing).
 */
final class Wire {

    /** What came back; {@code failure} says why nothing did. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, String failure) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    Wire(URI base) {
        this.base = base;
    }

    Answer send(Case c) {
        HttpRequest request = null;
        // malformed below HTTP: the server may close the connection, which must not be a pooled one
        if (!c.framing) {
            try {
                request = build(c);
            } catch (IllegalArgumentException cannotCarry) {
                // the JDK client refuses this target or header: it goes out over a socket instead
            }
        }
        return request == null ? raw(c) : send(request);
    }

    private HttpRequest build(Case c) {
        if (!c.target().chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw new IllegalArgumentException("the target is not printable ASCII");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + base.getHost() + ":" + base.getPort() + c.target()))
                .timeout(Duration.ofSeconds(60))
                .method(c.method, c.body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body));
        for (Map.Entry<String, String> h : c.headers) {
            builder.header(h.getKey(), h.getValue());
        }
        if (!c.anonymous && c.headerValue("Authorization") == null) {
            builder.header("Authorization", LoggedInAsAdmin.AUTHORIZATION);
        }
        return builder.build();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new TreeMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new Answer(response.statusCode(), headers, response.body(), null);
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, Map.of(), new byte[0], "interrupted");
        }
    }

    /** Byte for byte: the target in UTF-8, header values in ISO-8859-1 where they fit, else UTF-8. */
    private Answer raw(Case c) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, c.method + " " + c.target() + " HTTP/1.1\r\n", StandardCharsets.UTF_8);
        write(head, "Host: " + base.getHost() + ":" + base.getPort() + "\r\n", StandardCharsets.US_ASCII);
        for (Map.Entry<String, String> h : c.headers) {
            String line = h.getKey() + ": " + h.getValue() + "\r\n";
            write(head, line, line.chars().allMatch(ch -> ch <= 0xff) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        if (!c.anonymous && c.headerValue("Authorization") == null) {
            write(head, "Authorization: " + LoggedInAsAdmin.AUTHORIZATION + "\r\n", StandardCharsets.US_ASCII);
        }
        if (c.headerValue("Content-Length") == null && c.headerValue("Transfer-Encoding") == null
                && (c.body != null || !List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(c.method))) {
            write(head, "Content-Length: " + (c.body == null ? 0 : c.body.length) + "\r\n", StandardCharsets.US_ASCII);
        }
        write(head, "Connection: close\r\n\r\n", StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                if (c.body != null) {
                    out.write(c.body);
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer and close before the whole request is sent: read what it said
            }
            return read(new BufferedInputStream(socket.getInputStream()), c.method.equals("HEAD"));
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], "no answer over a socket: " + e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text, java.nio.charset.Charset charset) {
        out.writeBytes(text.getBytes(charset));
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Answer(0, Map.of(), new byte[0], "the connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new TreeMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (head || status == 204 || status == 304) {
            body = new byte[0];
        } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                out.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = out.toByteArray();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body, null);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                out.write(b);
            }
        }
        return b == -1 && out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }
}
