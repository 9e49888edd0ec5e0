package vn.portal.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.access.Caller;
import vn.portal.access.GlobalRole;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;

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
    Event<CredentialsChanged> credentialsChanged;

    @Inject
    Access access;

    @Inject
    Writes writes;

    @Inject
    PortalClock clock;

    private final Kind<User, UserView> kind = Kind.of(ENTITY, User.class, UserView::of);

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
    public UserView create(UserRequest request) {
        try {
            return writes.create(kind, () -> {
                access.requireAdmin("Only ADMIN creates users.");
                return Scope.none();
            }, changes -> {
                repository.byUsername(request.username()).ifPresent(other -> {
                    throw taken(other);
                });
                User user = new User();
                user.username = request.username();
                apply(user, request.asPatch(), changes);
                return user;
            });
        } catch (PersistenceException e) {
            if (!tookTheName(e)) {
                throw e;
            }
            // another request took the name between the check and the insert (an identity id inserts at once)
            throw winnerOf(request.username()).map(UserService::taken).orElseThrow(() -> e);
        }
    }

    @Transactional
    public UserView update(long id, UserPatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch, () -> {
            access.requireAdmin("Only ADMIN changes users.");
            if (patch.roles().isPresent() || patch.active().isPresent()) {
                // changes that could take away the last ADMIN queue here, so each one counts the others after the last
                repository.lockActiveAdmins();
            }
            return Scope.none();
        }, (user, before, changes) -> {
            apply(user, patch, changes);
            if (before.roles().contains(GlobalRole.ADMIN) && before.active()
                    && !(user.active && user.roles().contains(GlobalRole.ADMIN))
                    && repository.activeAdminsOtherThan(user.id) == 0) {
                throw ErrorCode.LAST_ADMIN.problem("This is the only active ADMIN: make another user ADMIN before "
                        + "taking the role away or deactivating.");
            }
            if (!changes.isEmpty()) {
                credentialsChanged.fire(new CredentialsChanged(user.id));
            }
        });
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
    public void forToken(String username, Set<GlobalRole> roles) {
        if (!UserRequest.isUsername(username)) {
            throw new AuthenticationFailedException("preferred_username is not a valid user name");
        }
        if (QuarkusTransaction.requiringNew().call(() -> syncRoles(username, roles)).isPresent()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> writes.create(kind, Scope::none, changes -> {
                changes.by(username);
                User user = new User();
                user.username = username;
                user.setRoles(roles);
                user.derive();
                return user;
            }));
        } catch (PersistenceException e) {
            // another request with a token for the same new user created it first
            QuarkusTransaction.requiringNew().call(() -> syncRoles(username, roles)).orElseThrow(() -> e);
        }
    }

    /** Whether the database holds any user at all. */
    @Transactional
    public boolean anyExists() {
        return repository.anyExists();
    }

    /** Creates {@code admin} with the given password when the database has no user at all; returns whether it did. */
    @Transactional
    public boolean createFirstAdmin(String password) {
        if (repository.anyExists()) {
            return false;
        }
        writes.create(kind, Scope::none, changes -> {
            changes.by("system");
            User admin = new User();
            admin.username = "admin";
            admin.displayName = "Administrator";
            admin.setRoles(EnumSet.of(GlobalRole.ADMIN));
            admin.passwordHash = passwords.hash(password);
            changes.hidden("password", false, true);
            admin.derive();
            return admin;
        });
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
                Changes changes = new Changes();
                changes.by(username);
                writes.recordStatement(kind, user.id, Scope.none(), before, UserView.of(user), changes);
            }
        });
        return found;
    }

    /** Applies a patch; a new password is recorded as a hidden change, its value never. */
    private void apply(User u, UserPatch patch, Changes changes) {
        changes.take(patch.displayName(), u.displayName, v -> u.displayName = v);
        patch.roles().ifPresent(roles -> changes.set(patch.roles().field(), u.roles(),
                roles.isEmpty() ? EnumSet.noneOf(GlobalRole.class) : EnumSet.copyOf(roles), u::setRoles));
        changes.take(patch.active(), u.active, v -> u.active = v);
        u.derive();
        patch.password().ifPresent(password -> {
            boolean had = u.passwordHash != null;
            if (password == null) {
                u.passwordHash = null;
            } else if (!had || !passwords.matches(password, u.passwordHash)) {
                u.passwordHash = passwords.hash(password);
            } else {
                return;
            }
            if (had || u.passwordHash != null) {
                changes.hidden(patch.password().field(), had, u.passwordHash != null);
            }
        });
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

    /** Whether the insert failed on the unique user name, rather than on anything else the write did. */
    private static boolean tookTheName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("uq_user_username")) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException taken(User other) {
        return ErrorCode.USERNAME_TAKEN.problem("User " + other.id + " already has this user name.")
                .with("conflictingId", other.id);
    }
}
