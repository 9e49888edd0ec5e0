package vn.portal.user;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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

    /** Completed once the first admin is stored, or need not be (some user exists), or the service stops. */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    void onStart(@Observes @Priority(2000) StartupEvent event) {
        String password = config.admin().initialPassword().filter(p -> !p.isBlank()).orElse(null);
        if (password != null && (password.length() < 12 || password.length() > 64)) {
            throw new IllegalStateException("portal.admin.initial-password must be 12 to 64 characters");
        }
        if (users.anyExists()) {
            settled.complete(null);
            return;
        }
        boolean generated = password == null;
        String chosen = generated ? randomPassword() : password;
        executor.runAsync(() -> create(chosen, generated));
    }

    /**
     * Returns once the first admin is stored (at once when there was nothing to make): a login
     * looked up before that would find no user. Waits at most 10 seconds, which only a database
     * that went away before the admin could be stored makes it take.
     */
    public void awaitFirstAdmin() {
        if (settled.isDone()) {
            return;
        }
        try {
            settled.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the login goes on and finds what the database holds
        }
    }

    /**
     * Stores the first admin, trying again every second while the database cannot be reached, until
     * it is stored or some user exists (another instance on the same empty database made it first),
     * or the service stops.
     */
    private void create(String password, boolean generated) {
        for (int attempt = 1;; attempt++) {
            try {
                if (users.createFirstAdmin(password)) {
                    if (generated) {
                        LOG.warnf("Created user 'admin' with the generated password %s ; it is shown only this once. "
                                + "Set portal.admin.initial-password to choose it instead.", password);
                    } else {
                        LOG.info("Created user 'admin' with the password from portal.admin.initial-password");
                    }
                } else {
                    LOG.info("User 'admin' was not created: the database holds users already (another instance)");
                }
                settled.complete(null);
                return;
            } catch (RuntimeException e) {
                // a lost race with another instance is found by the next attempt (users exist by then)
                if (attempt == 1 || attempt % 60 == 0) {
                    LOG.warnf("Could not create user 'admin' yet (%s); trying again every second", e.toString());
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                settled.complete(null);
                return;
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
