package vn.portal.login;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.portal.access.Caller;
import vn.portal.common.problem.ProblemException;

/**
 * Every {@code /api/v1} path but the index needs a login, whatever comes of the request next:
 * before any resource is matched, so an anonymous caller learns nothing else, not even which
 * methods or paths exist. Authentication itself is lazy (proactive authentication is off), so
 * its failures reach the problem mappers.
 */
public class LoginRequired {

    static final String API = "/api/v1";

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> requireLogin(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(API) || path.equals(API) || path.equals(API + "/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || identity.getAttribute(Caller.ATTRIBUTE) == null) {
                throw ProblemException.unauthenticated();
            }
            return null;
        });
    }
}
