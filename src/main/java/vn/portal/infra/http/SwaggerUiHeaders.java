package vn.portal.infra.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The Content-Security-Policy of Swagger UI's pages. Every other answer says
 * {@code default-src 'none'} ({@code quarkus.http.header}), which would keep a browser from
 * running the page's own scripts and styles and from fetching {@code /q/openapi}; these pages
 * get the least that Swagger UI needs, from this origin only, and still may not be framed.
 */
@ApplicationScoped
public class SwaggerUiHeaders {

    static final String POLICY = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.routeWithRegex("/q/swagger-ui(/.*)?").order(RouteOrder.SWAGGER_UI_HEADERS).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        // after the configured headers are in, whatever order the handlers ran in
        context.addHeadersEndHandler(ignored -> context.response().headers().set("Content-Security-Policy", POLICY));
        context.next();
    }
}
