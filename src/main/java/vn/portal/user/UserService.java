package vn.portal.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.access.Caller;
import vn.portal.access.GlobalRole;
import vn.portal.audit.AuditTrail;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.json.Body;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;
import vn.portal.login.CredentialCache;

@ApplicationScoped
public class UserService {

    public static final String ENTITY = "user";

    public static final SortFields SORT = SortFields.byId()
            .field("username", "e.username")
            .nullableField("displayName", "e.displayNameFolded")
            .field("createdAt", "e.createdAt");

    @Inject
    UserRepository repository;

    @Inject
    Passwords passwords;

    @Inject
    CredentialCache remembered;

    @Inject
    Access access;

    @Inject
    AuditTrail audit;

    @Inject
    PortalClock clock;

    @Inject
    ETags etags;

    @Transactional
    public PageView<UserView> list(UserFilter filter, PageRequest page) {
        access.requireSeesEverything("Only ADMIN and AUDITOR read users.");
        return Finder.of(User.class)
                .where("e.storedRoles like :role", "role", filter.role() == null ? null : "%" + filter.role().name() + "%")
                .where("e.active = :active", "active", filter.active())
                .search("e.searchText", filter.q())
                .page(repository.getEntityManager(), page, users -> users.stream().map(UserView::of).toList());
    }

    @Transactional
    public UserView get(long id) {
        access.requireSeesEverything("Only ADMIN and AUDITOR read users.");
        return UserView.of(repository.require(id));
    }

    @Transactional
    public UserView create(Body body) {
        access.requireAdmin("Only ADMIN creates users.");
        String username = body.value("username");
        repository.byUsername(username).ifPresent(other -> {
            throw taken(other);
        });
        User user = new User();
        user.username = username;
        apply(user, body, new Changes());
        user.created(clock.now());
        try {
            // an identity id makes persist insert at once
            repository.persist(user);
            repository.flush();
        } catch (PersistenceException e) {
            // another request took the name between the check above and this insert
            throw winnerOf(username).map(UserService::taken).orElseThrow(() -> e);
        }
        UserView view = UserView.of(user);
        AuditTrail.Entry entry = audit.entry("created", ENTITY, user.id, null, null, view);
        if (user.passwordHash != null) {
            entry.hidden("password", false, true);
        }
        entry.keep();
        return view;
    }

    @Transactional
    public UserView update(long id, Body body, String ifMatch) {
        access.requireAdmin("Only ADMIN changes users.");
        if (body.has("roles") || body.has("active")) {
            // changes that could take away the last ADMIN queue here, so each one counts the others after the last
            repository.lockActiveAdmins();
        }
        User user = repository.require(id);
        UserView before = UserView.of(user);
        etags.requireMatch(ifMatch, before);
        boolean hadPassword = user.passwordHash != null;
        Changes changes = new Changes();
        boolean passwordChanged = apply(user, body, changes);
        if (before.roles().contains(GlobalRole.ADMIN) && before.active() && !(user.active && user.roles().contains(GlobalRole.ADMIN))
                && repository.activeAdminsOtherThan(user.id) == 0) {
            throw ErrorCode.LAST_ADMIN.problem("This is the only active ADMIN: make another user ADMIN before taking the role away or deactivating.");
        }
        if (!changes.isEmpty() || passwordChanged) {
            user.updatedAt = clock.now();
            remembered.forget(user.id);
        }
        repository.flush();
        UserView after = UserView.of(user);
        AuditTrail.Entry entry = audit.entry("updated", ENTITY, user.id, null, before, after);
        if (passwordChanged) {
            entry.hidden("password", hadPassword, user.passwordHash != null);
        }
        entry.keep();
        return after;
    }

    /** The caller, with the subcommittees where they act and by which role: all read when they logged in. */
    public MeView me() {
        Caller caller = access.caller();
        List<MeView.Membership> memberships = caller.memberships().values().stream()
                .sorted((a, b) -> Long.compare(a.subcommitteeId(), b.subcommitteeId()))
                .map(m -> new MeView.Membership(m.subcommitteeId(), m.subcommitteeName(), m.memberId(), m.role()))
                .toList();
        return new MeView(caller.userId(), caller.username(), caller.displayName(),
                caller.roles().stream().sorted().toList(), memberships);
    }

    /**
     * The user a verified bearer token names, created on first use; the stored roles follow the
     * token's groups. Runs in transactions of its own: it is called while the login is resolved.
     */
    public User forToken(String username, Set<GlobalRole> roles) {
        if (!UserRequest.isUsername(username)) {
            throw new AuthenticationFailedException("preferred_username is not a valid user name");
        }
        Optional<User> found = QuarkusTransaction.requiringNew().call(() -> syncRoles(username, roles));
        if (found.isPresent()) {
            return found.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                User user = new User();
                user.username = username;
                user.setRoles(roles);
                user.derive();
                user.created(clock.now());
                repository.persist(user);
                repository.flush();
                audit.entry("created", ENTITY, user.id, null, null, UserView.of(user)).by(username).keep();
                return user;
            });
        } catch (PersistenceException e) {
            // another request with a token for the same new user created it first
            return QuarkusTransaction.requiringNew().call(() -> syncRoles(username, roles)).orElseThrow(() -> e);
        }
    }

    /** Creates {@code admin} with the given password when the database has no user at all; returns whether it did. */
    @Transactional
    public boolean createFirstAdmin(String password) {
        if (repository.anyExists()) {
            return false;
        }
        User admin = new User();
        admin.username = "admin";
        admin.displayName = "Administrator";
        admin.setRoles(EnumSet.of(GlobalRole.ADMIN));
        admin.passwordHash = passwords.hash(password);
        admin.derive();
        admin.created(clock.now());
        repository.persist(admin);
        repository.flush();
        audit.entry("created", ENTITY, admin.id, null, null, UserView.of(admin)).hidden("password", false, true).by("system")
                .keep();
        return true;
    }

    /**
     * Brings the stored roles of an active token user in step with the token's groups. One
     * conditional UPDATE: requests racing with the same new groups queue on the row, and only the
     * one that changed it writes the audit entry, so none of them fails.
     */
    private Optional<User> syncRoles(String username, Set<GlobalRole> roles) {
        Optional<User> found = repository.byUsername(username);
        found.filter(user -> user.active && !user.roles().equals(roles)).ifPresent(user -> {
            UserView before = UserView.of(user);
            String stored = User.storedForm(roles);
            int changed = repository.getEntityManager().createQuery("update User u set u.storedRoles = :roles, "
                    + "u.updatedAt = :now, u.version = u.version + 1 where u.id = :id and u.active = true "
                    + "and u.storedRoles <> :roles")
                    .setParameter("roles", stored).setParameter("now", clock.now()).setParameter("id", user.id)
                    .executeUpdate();
            if (changed == 1) {
                repository.getEntityManager().refresh(user);
                audit.entry("updated", ENTITY, user.id, null, before, UserView.of(user)).by(username).keep();
            }
        });
        return found;
    }

    /** Applies a body; returns whether it set a new password (which {@link Changes} must never hold). */
    private boolean apply(User u, Body body, Changes changes) {
        changes.take(body, "displayName", u.displayName, v -> u.displayName = v);
        if (body.has("roles")) {
            List<GlobalRole> roles = body.value("roles");
            changes.set("roles", u.roles(), roles.isEmpty() ? EnumSet.noneOf(GlobalRole.class) : EnumSet.copyOf(roles),
                    u::setRoles);
        }
        changes.take(body, "active", u.active, v -> u.active = v);
        u.derive();
        if (body.has("password")) {
            String password = body.value("password");
            if (password == null) {
                if (u.passwordHash == null) {
                    return false;
                }
                u.passwordHash = null;
                return true;
            }
            if (u.passwordHash != null && passwords.matches(password, u.passwordHash)) {
                return false;
            }
            u.passwordHash = passwords.hash(password);
            return true;
        }
        return false;
    }

    /**
     * The user that won a race for a name. The database may refuse the loser's insert while the
     * winner has not committed yet, so it is looked for a few times, for at most a second.
     */
    private Optional<User> winnerOf(String username) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<User> winner = QuarkusTransaction.requiringNew().call(() -> repository.byUsername(username));
            if (winner.isPresent()) {
                return winner;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private static ProblemException taken(User other) {
        return ErrorCode.USERNAME_TAKEN.problem("User " + other.id + " already has this user name.")
                .with("conflictingId", other.id);
    }
}
