package vn.portal.login;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.portal.access.Caller;
import vn.portal.access.GlobalRole;
import vn.portal.common.problem.ProblemMappers;
import vn.portal.member.Member;
import vn.portal.member.MemberRepository;
import vn.portal.subcommittee.SubcommitteeRepository;
import vn.portal.user.AdminBootstrap;
import vn.portal.user.Passwords;
import vn.portal.user.User;
import vn.portal.user.UserRequest;
import vn.portal.user.UserService;

/** Turns credentials into a {@link Caller}: a password checked against the database, or a verified token. */
@ApplicationScoped
public class Logins {

    private static final Logger LOG = Logger.getLogger(Logins.class);

    @Inject
    Accounts accounts;

    @Inject
    AdminBootstrap firstAdmin;

    @Inject
    UserService userService;

    @Inject
    MemberRepository members;

    @Inject
    SubcommitteeRepository subcommittees;

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
    public Caller withPassword(String username, String password) {
        firstAdmin.awaitFirstAdmin();
        // a name no user can have is not looked up (PostgreSQL refuses a NUL in a string outright)
        Optional<Accounts.Account> found = UserRequest.isUsername(username) ? accounts.byUsername(username)
                : Optional.empty();
        if (found.isPresent() && remembered.holds(username, password, found.get())) {
            return found.get().caller();
        }
        long wait = throttle.secondsToWait(username);
        if (wait > 0) {
            LOG.warnf("Login for user name %s refused for %d s more after repeated failures", printable(username), wait);
            throw new AuthenticationFailedException("too many failed logins", Map.of(ProblemMappers.RETRY_AFTER_ATTRIBUTE, wait));
        }
        Accounts.Account account = found.filter(a -> a.active() && a.passwordHash() != null).orElse(null);
        boolean verified;
        if (account == null) {
            passwords.decoyCheck(password);
            verified = false;
        } else {
            verified = passwords.matches(password, account.passwordHash());
        }
        if (!verified) {
            throttle.failed(username);
            LOG.warnf("Failed login for user name %s", printable(username));
            throw new AuthenticationFailedException();
        }
        throttle.succeeded(username);
        remembered.remember(username, password, account);
        return account.caller();
    }

    /** A bearer token already verified (signature, issuer, expiry): its user, created on first use. */
    public Caller withToken(String preferredUsername, Set<GlobalRole> roles) {
        if (!UserRequest.isUsername(preferredUsername)) {
            LOG.warnf("Bearer token refused: preferred_username %s is not a valid user name", printable(preferredUsername));
            throw new AuthenticationFailedException();
        }
        Optional<Accounts.Account> found = accounts.byUsername(preferredUsername);
        if (found.isPresent() && !found.get().active()) {
            // refused before anything is written: a deactivated user's token changes nothing
            LOG.warnf("Bearer token of deactivated user %s refused", printable(preferredUsername));
            throw new AuthenticationFailedException();
        }
        if (found.isEmpty() || !found.get().roles().equals(roles)) {
            // first use, or the token's groups changed: create the user, or keep its stored roles in step
            userService.forToken(preferredUsername, roles);
            found = accounts.byUsername(preferredUsername);
        }
        Accounts.Account account = found.orElseThrow(AuthenticationFailedException::new);
        if (!account.active()) {
            LOG.warnf("Bearer token of deactivated user %s refused", printable(preferredUsername));
            throw new AuthenticationFailedException();
        }
        return account.caller(roles);
    }

    /**
     * The caller a user is inside the current transaction (the demo story acts as its people
     * right after creating them): their stored roles and active memberships.
     */
    public Caller callerOf(User user) {
        Map<Long, Caller.Membership> memberships = members.list("userId = ?1 and active = true", user.id).stream()
                .collect(Collectors.toMap(m -> m.subcommitteeId, this::membership));
        return new Caller(user.id, user.username, user.displayName, user.roles(), memberships);
    }

    private Caller.Membership membership(Member m) {
        return new Caller.Membership(m.subcommitteeId, subcommittees.findById(m.subcommitteeId).name, m.id, m.role);
    }

    /** A user name as it may appear in the log: printable ASCII only, at most 64 characters. */
    static String printable(String username) {
        String cut = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        return '"' + cut.replaceAll("[^\\x20-\\x7e…]", "?") + '"';
    }
}
