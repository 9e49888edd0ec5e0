package vn.portal.infra.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One line per request on the logger {@code vn.portal.access}, written when the response is sent:
 * method, route template (the matched resource method's path, {@code /api/v1/milestones/{id}};
 * the path itself when no resource matched), status, duration, the user's login name ({@code -}
 * when there is none) and the request id (in the MDC, which the console format prints before the
 * message; as JSON, all the fields are keys of {@code mdc}). The request id is the caller's
 * {@code X-Request-Id} when it is a sane one, otherwise a new one; it is echoed in the response and
 * kept in the MDC as {@code requestId} for every line logged while the request is served.
 *
 * <p>Runs first on the router, so that early refusals (413, 503 while stopping, a CORS preflight)
 * are logged too. Nothing from the request but its method and path is written: never a header, a
 * query string or a body, so no credential or file content can reach the log. Requests to
 * {@code /q/} (health probes, metrics scrapes) are logged at DEBUG only.
 */
@ApplicationScoped
public class AccessLog {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";

    static final Logger LOG = Logger.getLogger("vn.portal.access");

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String NO_USER = "-";

    void install(@Observes Router router) {
        router.route().order(RouteOrder.ACCESS_LOG).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        long started = System.nanoTime();
        HttpServerRequest request = context.request();
        String given = request.getHeader(HEADER);
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, requestId);
        context.response().putHeader(HEADER, requestId);
        RouteTemplate.observe(context);
        context.addEndHandler(ended -> log(context, requestId, (System.nanoTime() - started) / 1_000_000));
        context.next();
    }

    private static void log(RoutingContext context, String requestId, long millis) {
        HttpServerRequest request = context.request();
        String path = request.path();
        Logger.Level level = path != null && path.startsWith("/q/") ? Logger.Level.DEBUG : Logger.Level.INFO;
        if (!LOG.isEnabled(level)) {
            return;
        }
        String template = RouteTemplate.matched(context);
        String route = template != null ? template : path;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(REQUEST_ID, requestId);
        fields.put("method", request.method().name());
        fields.put("route", route);
        fields.put("status", Integer.toString(context.response().getStatusCode()));
        fields.put("durationMs", Long.toString(millis));
        fields.put("user", user(context));
        // the end handler may run outside the request's context: leave its MDC as it was found
        Map<String, Object> before = new LinkedHashMap<>();
        fields.forEach((key, value) -> before.put(key, MDC.put(key, value)));
        try {
            LOG.logf(level, "%s %s %s %s ms user=%s", fields.get("method"), route, fields.get("status"), millis,
                    fields.get("user"));
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }

    /** The login name, once authentication ran for this request (it is lazy: a public path never asks). */
    private static String user(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() != null) {
                return identity.getPrincipal().getName();
            }
        }
        return NO_USER;
    }
}
