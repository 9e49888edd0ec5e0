package vn.portal.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import vn.portal.common.config.PortalConfig;

/**
 * bcrypt, at the configured cost; slow on purpose, so verified credentials are remembered
 * elsewhere. bcrypt reads only the first 72 bytes of its input, and a 64-character Vietnamese
 * password can take 192 bytes of UTF-8, so it is given the Base64 of the password's SHA-256 (44
 * bytes) instead: every character counts. The stored hash is a standard {@code $2a$} string of
 * that input.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    PortalConfig config;

    private volatile String decoy;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(prehash(password), config.login().bcryptCost());
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(prehash(password), hash);
    }

    /**
     * Spends as long as a real check for a user name that has no password to check, so that the
     * time of a refusal does not tell whether the user exists.
     */
    public void decoyCheck(String password) {
        if (decoy == null) {
            decoy = hash("decoy-password-never-matches");
        }
        matches(password, decoy);
    }

    private static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
