package vn.portal.infra.http;

import io.vertx.core.Context;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The route template a request matched ({@code /api/v1/milestones/{id}}), as Quarkus REST leaves it
 * in the request's Vert.x context for the metrics (key {@code UrlPathTemplate}, read back by
 * Micrometer's HTTP binder when the response ends).
 *
 * <p>A failed request that matched no route (a 401 before routing, a 405, an early 413 or 503) would
 * be counted by Micrometer under its raw path, ids and all, so that anyone probing paths could
 * multiply the series; Micrometer's own remedy ({@code suppress4xx-errors}) also throws away the
 * route of every failed request to a route without parameters ({@code POST /api/v1/subcommittees}
 * 409). Instead such a request is given the one template {@value #UNMATCHED} just before its
 * headers go out. A 404 that matched nothing is left to Micrometer, which counts it as
 * {@code NOT_FOUND}.
 */
final class RouteTemplate {

    static final String UNMATCHED = "/UNMATCHED";

    private static final String KEY = "UrlPathTemplate";
    private static final String MATCHED = RouteTemplate.class.getName() + ".matched";

    private RouteTemplate() {
    }

    /** Remembers the matched template when the headers go out, and marks an unmatched failure. */
    static void observe(RoutingContext context) {
        context.addHeadersEndHandler(headers -> {
            Context request = ((HttpServerRequestInternal) context.request()).context();
            Object template = request.getLocal(KEY);
            if (template instanceof String matched && !matched.isEmpty()) {
                context.put(MATCHED, matched);
                return;
            }
            int status = context.response().getStatusCode();
            // a 404 is NOT_FOUND already; any other answer outside a route (a failure before routing, a
            // CORS preflight answered by Cors) would be tagged with its raw path
            if (status != 404) {
                request.putLocal(KEY, UNMATCHED);
            }
        });
    }

    /** The template the request matched; null when it matched none. */
    static String matched(RoutingContext context) {
        return context.get(MATCHED);
    }
}
