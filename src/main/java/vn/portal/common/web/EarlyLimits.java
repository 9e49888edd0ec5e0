package vn.portal.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.portal.common.problem.Problem;
import vn.portal.common.problem.ProblemException;

/**
 * Refuses a body that declares itself too large before a byte of it is read: first on the
 * router, ahead of the body handler that would otherwise spool it (and ahead of Vert.x's own
 * limit, which answers with an empty 413). A JSON body may be 4 MiB; a multipart body one file
 * of 20 MiB and its part headers.
 */
@ApplicationScoped
public class EarlyLimits {

    /** The largest JSON body taken: 4 MiB. */
    public static final long MAX_JSON_BYTES = 4L * 1024 * 1024;

    /** The largest file taken: 20 MiB; its multipart envelope may add part headers. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    private static final long MAX_MULTIPART_BYTES = MAX_FILE_BYTES + 64 * 1024;

    /**
     * Up to this size the rest of a refused body is let through and thrown away, so that clients
     * that send the whole body before reading (most HTTP libraries) still see the 413; beyond it
     * the connection is closed at once.
     */
    private static final long DISCARD_UP_TO = 64L * 1024 * 1024;

    @Inject
    ObjectMapper mapper;

    public static ProblemException jsonTooLarge() {
        return new ProblemException(413, "PAYLOAD_TOO_LARGE", "A JSON body may be at most 4 MiB.");
    }

    public static ProblemException fileTooLarge() {
        return new ProblemException(413, "PAYLOAD_TOO_LARGE", "A file may be at most 20 MiB.");
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            context.next();
            return;
        }
        String type = String.valueOf(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        boolean multipart = type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            refuse(context, new ProblemException(400, "VALIDATION_FAILED", "Content-Length is not a number."), true);
            return;
        }
        if (declared > (multipart ? MAX_MULTIPART_BYTES : MAX_JSON_BYTES)) {
            refuse(context, multipart ? fileTooLarge() : jsonTooLarge(), declared > DISCARD_UP_TO);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, ProblemException problem, boolean close) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Problem.of(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        // nothing of the body is stored: what still arrives is discarded, and the connection not reused
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(io.vertx.core.buffer.Buffer.buffer(body))
                .onComplete(sent -> {
                    if (close) {
                        context.request().connection().close();
                    }
                });
    }
}
