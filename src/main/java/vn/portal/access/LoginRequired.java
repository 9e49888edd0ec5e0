package vn.portal.access;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every endpoint needs a login but those marked {@link PermitAll} (the API index). Runs before
 * the other request checks, so an anonymous caller learns nothing else. Authentication itself is
 * lazy (proactive authentication is off), so its failures reach the problem mappers.
 */
public class LoginRequired {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> requireLogin(ResourceInfo resource) {
        if (resource.getResourceClass() == null || resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || identity.getAttribute(Caller.ATTRIBUTE) == null) {
                throw Logins.unauthenticated();
            }
            return null;
        });
    }
}
