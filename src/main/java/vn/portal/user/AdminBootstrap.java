package vn.portal.user;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import vn.portal.common.config.PortalConfig;

/**
 * On a database with no user at all, creates {@code admin} with the configured initial password,
 * or a random one written to the log this once. Runs after the demo data, which brings its own users.
 *
 * <p>The password is hashed with bcrypt at the login cost, about a second and a half on two cores:
 * that runs beside the rest of the start-up, not before the service is ready. A password login that
 * arrives before it is done waits for it ({@link #awaitFirstAdmin()}), so the first admin login
 * succeeds however early it comes.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    PortalConfig config;

    @Inject
    UserService users;

    @Inject
    ManagedExecutor executor;

    private volatile CompletableFuture<Void> firstAdmin = CompletableFuture.completedFuture(null);

    void onStart(@Observes @Priority(2000) StartupEvent event) {
        String password = config.admin().initialPassword().filter(p -> !p.isBlank()).orElse(null);
        if (password != null && (password.length() < 12 || password.length() > 64)) {
            throw new IllegalStateException("portal.admin.initial-password must be 12 to 64 characters");
        }
        if (users.anyExists()) {
            return;
        }
        boolean generated = password == null;
        String chosen = generated ? randomPassword() : password;
        firstAdmin = executor.runAsync(() -> create(chosen, generated));
    }

    /**
     * Returns once the first admin, if one is being made, is stored (or could not be): a login
     * looked up before that would find no user. Waits at most 30 seconds.
     */
    public void awaitFirstAdmin() {
        CompletableFuture<Void> pending = firstAdmin;
        if (pending.isDone()) {
            return;
        }
        try {
            pending.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // logged where it failed; the login goes on and finds what the database holds
        }
    }

    private void create(String password, boolean generated) {
        boolean created;
        try {
            created = users.createFirstAdmin(password);
        } catch (PersistenceException e) {
            // another instance starting on the same empty database made it first
            LOG.info("User 'admin' was created by another instance");
            return;
        } catch (RuntimeException e) {
            LOG.error("Could not create user 'admin'", e);
            throw e;
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
