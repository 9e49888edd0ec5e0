package vn.portal.infra.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.Problem;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.web.BodyLimits;

/**
 * Refuses a body that is too large before it is read: from its Content-Length before a byte of it
 * is taken, and otherwise (chunked, or HTTP/2 DATA frames without content-length) the moment the
 * bytes that have arrived go over the limit, counted on the connection below Vert.x by
 * {@link Http1BodyMeter} and {@link Http2BodyMeter}, so that nothing past the limit is buffered or
 * spooled. A JSON body may be 4 MiB; a multipart body one file of 20 MiB and its part headers. A
 * body in a Content-Encoding is refused with 415: nothing here inflates it, and counting the
 * compressed bytes would let a small body stand for a huge one.
 *
 * <p>Runs first on the router, ahead of the login and of every resource, so that every path
 * answers alike. Vert.x's own limit, which answers 413 with an empty body, must lie above ours; the
 * service does not start otherwise.
 */
@ApplicationScoped
public class EarlyLimits {

    static final Logger LOG = Logger.getLogger(EarlyLimits.class);

    static final long MAX_JSON_BYTES = BodyLimits.MAX_JSON_BYTES;
    static final long MAX_FILE_BYTES = BodyLimits.MAX_FILE_BYTES;
    static final long MAX_MULTIPART_BYTES = BodyLimits.MAX_MULTIPART_BYTES;

    /** Set on the routing context of a request this class refused. */
    static final String REFUSED = EarlyLimits.class.getName() + ".refused";

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> vertxLimit;

    static ProblemException encoded() {
        return new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Bodies are taken as they are: a Content-Encoding (gzip, deflate, …) is not accepted.");
    }

    /** The most bytes of body a request with this Content-Type may send. */
    static long limitFor(String contentType) {
        return isMultipart(contentType) ? MAX_MULTIPART_BYTES : MAX_JSON_BYTES;
    }

    private static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    void install(@Observes Router router) {
        long ours = MAX_MULTIPART_BYTES;
        if (vertxLimit.isEmpty() || vertxLimit.get().asLongValue() <= ours) {
            // below ours, Vert.x would refuse first, with an empty body; unset, nothing would stop a
            // request whose body the meter cannot count
            throw new IllegalStateException("quarkus.http.limits.max-body-size must be set above " + ours
                    + " bytes, the largest body the portal takes");
        }
        router.route().order(RouteOrder.EARLY_LIMITS).handler(this::check);
        // a refused request's own handling may still fail after the 413 went out (its connection
        // closes under it): that is no error of the service's, and its answer has been given
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.get(REFUSED) != null && context.response().ended()) {
                LOG.debugf(context.failure(), "After refusing %s %s", context.request().method(), context.request().path());
                return;
            }
            context.next();
        });
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        Channel channel = ((ConnectionBase) request.connection()).channel();
        if (!channel.eventLoop().inEventLoop()) {
            // the meter lives on the connection's event loop; the request stays paused meanwhile
            channel.eventLoop().execute(() -> check(context));
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        long declared = Http1BodyMeter.contentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        ProblemException tooLarge = isMultipart(contentType) ? BodyLimits.fileTooLarge() : BodyLimits.jsonTooLarge();
        ProblemException encoded = hasBody(channel, request, declared)
                && isEncoded(request.getHeader(HttpHeaders.CONTENT_ENCODING)) ? encoded() : null;
        MeteredBody body = request.version() == HttpVersion.HTTP_2 ? Http2BodyMeter.claim(channel, request)
                : Http1BodyMeter.claim(channel, request);
        if (body == null) {
            // not metered: only what the head declares can be checked here
            if (encoded != null || declared > limitFor(contentType)) {
                refuse(context, encoded != null ? encoded : tooLarge, declared > Http1BodyMeter.DISCARD_UP_TO);
            } else {
                context.next();
            }
            return;
        }
        if (encoded != null) {
            body.refuse(() -> answer(context, encoded).onComplete(sent -> stopUpload(context)));
            return;
        }
        body.whenRefused(() -> {
            context.put(REFUSED, Boolean.TRUE);
            HttpServerResponse response = context.response();
            if (!response.headWritten()) {
                answer(context, tooLarge).onComplete(sent -> stopUpload(context));
            } else if (response.ended()) {
                stopUpload(context);
            } else {
                context.addEndHandler(sent -> stopUpload(context));
            }
        });
        if (!body.refused()) {
            context.next();
        }
    }

    /**
     * Asks the client to stop sending a refused body. Over HTTP/1.x the meter closes the
     * connection once the answer is out and enough of the rest was drained; over HTTP/2, RFC 9113
     * 8.1: a complete response and then RST_STREAM(NO_ERROR).
     */
    private static void stopUpload(RoutingContext context) {
        if (context.request().version() == HttpVersion.HTTP_2) {
            context.response().reset(0);
        }
    }

    private static boolean hasBody(Channel channel, HttpServerRequest request, long declared) {
        if (declared >= 0) {
            return declared > 0;
        }
        if (request.version() == HttpVersion.HTTP_2) {
            return Http2BodyMeter.expectsBody(channel, request);
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean isEncoded(String contentEncoding) {
        return contentEncoding != null && !contentEncoding.isBlank()
                && !"identity".equalsIgnoreCase(contentEncoding.strip());
    }

    /** Answers and, when the connection is not metered, ends it so that nothing more is read. */
    private void refuse(RoutingContext context, ProblemException problem, boolean closeAtOnce) {
        HttpServerRequest request = context.request();
        answer(context, problem).onComplete(sent -> {
            if (request.version() == HttpVersion.HTTP_2) {
                stopUpload(context);
            } else if (closeAtOnce) {
                request.connection().close();
            }
        });
    }

    private Future<Void> answer(RoutingContext context, ProblemException problem) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(Problem.of(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        context.put(REFUSED, Boolean.TRUE);
        var response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (context.request().version() != HttpVersion.HTTP_2) {
            // HTTP/2 forbids the header; there the stream is reset instead
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        return response.end(Buffer.buffer(json));
    }
}
