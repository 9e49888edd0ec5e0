package vn.portal.infra.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import vn.portal.common.config.PortalConfig;

/**
 * Cross-origin access for the browser front ends named in {@code portal.cors.origins}. A request
 * from another origin is served as if it had no {@code Origin} at all: it gets no CORS headers
 * (so a browser keeps the answer from the page) and is otherwise answered as usual, never with
 * a bare refusal that has no problem body. Bearer and Basic credentials travel in the
 * {@code Authorization} header, so no cookies are allowed across origins.
 */
@ApplicationScoped
public class Cors {

    static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match, Idempotency-Key, "
            + AccessLog.HEADER;
    /** Content-Disposition: a page saving an export or the report names the file as the service does. */
    static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, WWW-Authenticate, Allow, Idempotent-Replayed, "
            + "Content-Disposition, " + AccessLog.HEADER;
    static final String MAX_AGE_SECONDS = "3600";

    @Inject
    PortalConfig config;

    private Set<String> origins;

    void install(@Observes Router router) {
        origins = Set.copyOf(config.cors().origins().orElse(List.of()));
        // before any refusal, so that even an early 413 can be read by the front end
        router.route().order(RouteOrder.CORS).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        HttpServerResponse response = context.response();
        if (origin == null) {
            context.next();
            return;
        }
        response.headers().add("Vary", "Origin");
        if (!origins.contains(origin)) {
            context.next();
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        if (request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null) {
            response.putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .putHeader("Access-Control-Max-Age", MAX_AGE_SECONDS)
                    .setStatusCode(204).end();
            return;
        }
        response.putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        context.next();
    }
}
