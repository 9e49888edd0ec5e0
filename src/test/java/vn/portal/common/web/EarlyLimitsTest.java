package vn.portal.common.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A body that declares itself too large is refused from its headers: the answer, problem+json,
 * comes while almost none of it has been sent.
 */
@QuarkusTest
class EarlyLimitsTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/subcommittees, application/json, 4194305, A JSON body may be at most 4 MiB",
            "/api/v1/subcommittees, application/json, 1073741824, A JSON body may be at most 4 MiB",
            "/api/v1/submissions/1/attachments, multipart/form-data; boundary=x, 26214400, A file may be at most 20 MiB",
            "/api/v1/submissions/1/attachments, multipart/form-data; boundary=x, 1073741824, A file may be at most 20 MiB"
    })
    void anOversizedBodyIsRefusedBeforeItIsRead(String path, String type, long declared, String detail) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + declared + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(new byte[1024]);
            socket.getOutputStream().flush();
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer);
            assertTrue(answer.contains(detail), answer);
        }
    }

    /** Reads until the problem's closing brace: the server need not close the connection first. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            out.write(b);
            if (b == '}' && out.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")) {
                break;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
