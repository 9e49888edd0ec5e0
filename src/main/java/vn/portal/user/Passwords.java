package vn.portal.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.portal.common.config.PortalConfig;

/** bcrypt, at the configured cost; slow on purpose, so verified credentials are remembered elsewhere. */
@ApplicationScoped
public class Passwords {

    @Inject
    PortalConfig config;

    private volatile String decoy;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.login().bcryptCost());
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /**
     * Spends as long as a real check for a user name that has no password to check, so that the
     * time of a refusal does not tell whether the user exists.
     */
    public void decoyCheck(String password) {
        if (decoy == null) {
            decoy = hash("decoy-password-never-matches");
        }
        BcryptUtil.matches(password, decoy);
    }
}
