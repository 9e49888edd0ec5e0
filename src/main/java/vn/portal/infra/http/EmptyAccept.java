package vn.portal.infra.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * An empty {@code Accept} is taken as none (any type, so JSON), as the endpoints of one media type
 * take it: the negotiation of an endpoint with two (a list answers JSON or CSV) fails on it outright
 * and reads the header from the connection's request, so it is dropped there, before the REST layer.
 */
@ApplicationScoped
public class EmptyAccept {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            List<String> accepts = context.request().headers().getAll(HttpHeaders.ACCEPT);
            if (!accepts.isEmpty() && accepts.stream().allMatch(String::isBlank)) {
                context.request().headers().remove(HttpHeaders.ACCEPT);
            }
            context.next();
        });
    }
}
