package vn.portal.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.portal.common.problem.ProblemException;
import vn.portal.member.Member;
import vn.portal.member.MemberRepository;
import vn.portal.user.GlobalRole;
import vn.portal.user.Passwords;
import vn.portal.user.User;
import vn.portal.user.UserRepository;
import vn.portal.user.UserService;

/** Turns credentials into a {@link Caller}: a password checked against the database, or a verified token. */
@ApplicationScoped
public class Logins {

    private static final Logger LOG = Logger.getLogger(Logins.class);

    /** The attribute of a refused login that says it was throttled: the seconds until the next attempt is taken. */
    public static final String RETRY_AFTER = "portal.retry-after-seconds";

    @Inject
    UserRepository users;

    @Inject
    UserService userService;

    @Inject
    MemberRepository members;

    @Inject
    Passwords passwords;

    @Inject
    CredentialCache remembered;

    @Inject
    LoginThrottle throttle;

    /**
     * HTTP Basic. A credential verified in the last minutes is taken without bcrypt, even while
     * the user name is being throttled (a guesser cannot produce one); anything else waits its
     * turn, and a refusal does not say whether the user exists.
     */
    @Transactional
    public Caller withPassword(String username, String password) {
        Optional<User> found = users.byUsername(username);
        if (found.isPresent() && remembered.holds(username, password, found.get())) {
            return callerOf(found.get(), found.get().roles());
        }
        long wait = throttle.secondsToWait(username);
        if (wait > 0) {
            LOG.warnf("Login for user name %s refused for %d s more after repeated failures", printable(username), wait);
            throw new AuthenticationFailedException("too many failed logins", Map.of(RETRY_AFTER, wait));
        }
        User user = found.filter(u -> u.active && u.passwordHash != null).orElse(null);
        boolean verified;
        if (user == null) {
            passwords.decoyCheck(password);
            verified = false;
        } else {
            verified = passwords.matches(password, user.passwordHash);
        }
        if (!verified) {
            throttle.failed(username);
            LOG.warnf("Failed login for user name %s", printable(username));
            throw new AuthenticationFailedException();
        }
        throttle.succeeded(username);
        remembered.remember(username, password, user);
        return callerOf(user, user.roles());
    }

    /** A bearer token already verified (signature, issuer, expiry): its user, created on first use. */
    public Caller withToken(String preferredUsername, Set<GlobalRole> roles) {
        User user = userService.forToken(preferredUsername, roles);
        if (!user.active) {
            LOG.warnf("Bearer token of deactivated user %s refused", printable(preferredUsername));
            throw new AuthenticationFailedException();
        }
        return QuarkusTransaction.requiringNew().call(() -> callerOf(user, roles));
    }

    /** The caller a user is when they log in with a password: their stored roles and active memberships. */
    public Caller callerOf(User user) {
        return callerOf(user, user.roles());
    }

    private Caller callerOf(User user, Set<GlobalRole> roles) {
        Map<Long, Caller.Membership> memberships = members.list("userId = ?1 and active = true", user.id).stream()
                .collect(Collectors.toMap(m -> m.subcommitteeId, Logins::membership));
        return new Caller(user.id, user.username, roles, memberships);
    }

    private static Caller.Membership membership(Member m) {
        return new Caller.Membership(m.subcommitteeId, m.id, m.role);
    }

    /** A user name as it may appear in the log: printable ASCII only, at most 64 characters. */
    static String printable(String username) {
        String cut = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        return '"' + cut.replaceAll("[^\\x20-\\x7e…]", "?") + '"';
    }

    /** Both ways in, as one header value of two challenges. */
    public static final String CHALLENGE = "Basic realm=\"portal\", charset=\"UTF-8\", Bearer realm=\"portal\"";

    /** No credentials were sent. */
    public static ProblemException unauthenticated() {
        return new ProblemException(401, "UNAUTHENTICATED",
                "Log in: HTTP Basic with a portal user, or a bearer token from the configured OpenID Connect provider.")
                .withHeader("WWW-Authenticate", CHALLENGE);
    }

    /**
     * Credentials were sent and not accepted. The same answer whatever was wrong (unknown user,
     * wrong password, deactivated user, expired or forged token), so it tells a guesser nothing.
     */
    public static ProblemException refused() {
        return new ProblemException(401, "UNAUTHENTICATED",
                "The credentials were not accepted: wrong user name or password, a deactivated user, "
                        + "or a bearer token that is expired, from another issuer or not validly signed.")
                .withHeader("WWW-Authenticate", CHALLENGE);
    }
}
