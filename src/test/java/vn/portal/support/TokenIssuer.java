package vn.portal.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for the OpenID Connect provider: makes an RSA key pair when the tests start, gives
 * the service the public half and the issuer (as an operator would configure them), and signs
 * the tests' tokens with the private half. Nothing is checked in; the keys live under
 * {@code target/test-keys} for one build.
 */
public class TokenIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://login.test.portal/realms/congress";
    static final Path DIR = Path.of("target", "test-keys");
    static final Path PRIVATE_KEY = DIR.resolve("issuer-private.key");
    static final Path PUBLIC_KEY = DIR.resolve("issuer-public.pem");

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIR);
            if (!Files.exists(PRIVATE_KEY) || !Files.exists(PUBLIC_KEY)) {
                KeyPair pair = newPair();
                Files.write(PRIVATE_KEY, pair.getPrivate().getEncoded());
                Files.writeString(PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // In test mode smallrye-jwt makes up a key of its own (mp.jwt.verify.publickey) when none is
        // configured at build time, and would prefer it to the location; NONE means "not set".
        return Map.of("mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.publickey.location", PUBLIC_KEY.toAbsolutePath().toUri().toString(),
                "mp.jwt.verify.publickey", "NONE");
    }

    @Override
    public void stop() {
    }

    /** A valid token for the user name with the given groups, good for five minutes. */
    public static String token(String preferredUsername, String... groups) {
        return claims(preferredUsername, groups).sign(privateKey());
    }

    /** The claims of a token, to be changed (expired, another issuer) before signing with {@link #privateKey()}. */
    public static JwtClaimsBuilder claims(String preferredUsername, String... groups) {
        return Jwt.issuer(ISSUER).subject("sub-" + preferredUsername).preferredUserName(preferredUsername)
                .groups(Set.of(groups)).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
    }

    public static PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(PRIVATE_KEY)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key the service does not know: what it signs has a bad signature. */
    public static PrivateKey strangerKey() {
        return newPair().getPrivate();
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
