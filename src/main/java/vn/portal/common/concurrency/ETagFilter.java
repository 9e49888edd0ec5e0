package vn.portal.common.concurrency;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the {@code ETag} on every single-resource response and answers a matching {@code If-None-Match} with 304. */
public class ETagFilter {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name());

    @Inject
    ETags etags;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof SingleResource view)) {
            return;
        }
        ETags.Tagged tagged = etags.tagged(view);
        String tag = tagged.tag();
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean safe = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (safe && response.getStatus() == 200 && ifNoneMatch != null && ETags.matches(ifNoneMatch, tag, true)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            // the bytes just digested go out as they are, rather than the view being serialised a second time
            response.setEntity(tagged.json(), null, JSON);
        }
    }
}
