package vn.portal.user;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import org.jboss.logging.Logger;
import vn.portal.common.config.PortalConfig;

/**
 * On a database with no user at all, creates {@code admin} with the configured initial password,
 * or a random one written to the log this once. Runs after the demo data, which brings its own users.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    PortalConfig config;

    @Inject
    UserService users;

    void onStart(@Observes @Priority(2000) StartupEvent event) {
        String password = config.admin().initialPassword().filter(p -> !p.isBlank()).orElse(null);
        if (password != null && (password.length() < 12 || password.length() > 64)) {
            throw new IllegalStateException("portal.admin.initial-password must be 12 to 64 characters");
        }
        boolean generated = password == null;
        if (generated) {
            password = randomPassword();
        }
        boolean created;
        try {
            created = users.createFirstAdmin(password);
        } catch (PersistenceException e) {
            // another instance starting on the same empty database made it first
            LOG.info("User 'admin' was created by another instance");
            return;
        }
        if (created) {
            if (generated) {
                LOG.warnf("Created user 'admin' with the generated password %s ; it is shown only this once. "
                        + "Set portal.admin.initial-password to choose it instead.", password);
            } else {
                LOG.info("Created user 'admin' with the password from portal.admin.initial-password");
            }
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
