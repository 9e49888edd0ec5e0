package vn.portal.login;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.portal.access.GlobalRole;

/**
 * A bearer token that smallrye-jwt has verified (signature against the configured keys, issuer,
 * expiry) names its user by {@code preferred_username}; its {@code groups} give the global roles,
 * on every request. Groups that are not global roles are ignored.
 */
@ApplicationScoped
public class BearerIdentityAugmentor implements SecurityIdentityAugmentor {

    public static final String USERNAME_CLAIM = "preferred_username";

    @Inject
    Logins logins;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object claim = token.getClaim(USERNAME_CLAIM);
        String name = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (name == null || name.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token has no preferred_username"));
        }
        Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
        for (GlobalRole role : GlobalRole.values()) {
            if (token.getGroups().contains(role.name())) {
                roles.add(role);
            }
        }
        return context.runBlocking(() -> PasswordIdentityProvider.identityOf(logins.withToken(name, roles)));
    }
}
