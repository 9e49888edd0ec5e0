package vn.portal.common.concurrency;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the {@code ETag} on every single-resource response and answers a matching {@code If-None-Match} with 304. */
public class ETagFilter {

    @Inject
    ETags etags;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof SingleResource view)) {
            return;
        }
        String tag = etags.of(view);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean safe = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (safe && response.getStatus() == 200 && ifNoneMatch != null && ETags.matches(ifNoneMatch, tag, true)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
