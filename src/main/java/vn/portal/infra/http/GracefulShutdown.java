package vn.portal.infra.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sun.misc.Signal;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.Problem;
import vn.portal.common.problem.ProblemException;

/**
 * What SIGTERM does (the "Shutdown" block of application.properties). Quarkus turns readiness
 * DOWN at once and keeps serving for {@code quarkus.shutdown.delay}, so that a load balancer
 * stops sending requests here; then it waits up to {@code quarkus.shutdown.timeout} for the
 * requests in flight. Two things Quarkus leaves undone are done here:
 * <ul>
 * <li>After the delay, a new request is answered {@code 503 SERVICE_UNAVAILABLE} (problem+json,
 * {@code Connection: close}) instead of being started on a service that is about to go away;
 * the health endpoints keep answering as they are.</li>
 * <li>SIGTERM ends the process with status 0 rather than the JVM's 143 (128 + 15), so that a
 * supervisor sees a requested stop as a clean one. The JVM's own handler would also start every
 * shutdown hook at once, H2's among them, which closes the database under the requests still in
 * flight; here the hooks run only after Quarkus has drained and stopped.</li>
 * </ul>
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    /** How long a refused caller should wait before trying this address again: a restart's time. */
    static final String RETRY_AFTER_SECONDS = "30";

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Optional<Duration> delay;

    @Inject
    ObjectMapper mapper;

    private volatile boolean stopping;
    private volatile long refuseFromNanos;

    void onStart(@Observes StartupEvent started) {
        // only the packaged service: tests and dev mode keep the JVM's handling of their own process
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            Signal.handle(new Signal("TERM"), signal -> {
                LOG.info("SIGTERM: readiness is DOWN; finishing the requests in flight, then stopping");
                Quarkus.asyncExit(0);
            });
        }
    }

    /** Fired by Quarkus when the shutdown starts, before its delay. */
    void onShutdownRequested(@Observes ShutdownDelayInitiatedEvent requested) {
        refuseFromNanos = System.nanoTime() + delay.map(Duration::toNanos).orElse(0L);
        stopping = true;
    }

    void install(@Observes Router router) {
        // after CORS, so that a front end can read the refusal; before the body is read
        router.route().order(RouteOrder.GRACEFUL_SHUTDOWN).handler(this::refuseWhenStopping);
    }

    private void refuseWhenStopping(RoutingContext context) {
        if (!stopping || System.nanoTime() - refuseFromNanos < 0 || context.normalizedPath().startsWith("/q/health")) {
            context.next();
            return;
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Problem.of(new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The service is shutting down. Send the request again; another instance, or this one once "
                            + "restarted, will take it.")));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        context.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(body));
    }
}
