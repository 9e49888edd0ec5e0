package vn.portal.common.write;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Comparator;
import java.util.List;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.persistence.Changes;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.common.time.PortalClock;

/**
 * The one path of every create, update, delete and action: the caller's check, the lock, the
 * load, the {@code If-Match} precondition, the feature's own rules and changes, the flush, and
 * then every step that follows a write (the change feed's event, the audit entry). A feature's service says only
 * what is its own: who may (the {@link Guard}), what changes and which rules hold.
 *
 * <p>Runs inside the service's transaction, which it requires: the lock is held, and the write and
 * its record commit together.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Writes {

    /**
     * Finds where the write goes (404 when the object does not exist), refusing a caller who may
     * not make it (404 when they cannot see it, 403 when they can). Where a rule counts rows across
     * objects (the last active ADMIN), the guard also takes that rule's own lock, before the load.
     */
    @FunctionalInterface
    public interface Guard {
        Scope check();
    }

    /** Makes the new object from the request, applying the feature's rules; the changes it records name what was sent. */
    @FunctionalInterface
    public interface Build<E> {
        E build(Changes changes);
    }

    /** Changes a loaded object, after the precondition held, applying the feature's rules. */
    @FunctionalInterface
    public interface Edit<E, V> {
        void apply(E entity, V before, Changes changes);
    }

    /**
     * The feature's rules for a deletion, checked once the precondition held, and what goes with
     * the object (a submission's files; the submission a file is taken off).
     */
    @FunctionalInterface
    public interface Removal<E, V> {
        void check(E entity, V before);
    }

    @Inject
    EntityManager em;

    @Inject
    ETags etags;

    @Inject
    ScopeLock locks;

    @Inject
    Instance<ChangeLog> changeLogs;

    /** Every {@link ChangeLog}, in its order: the outbox's event, then the audit entry. */
    private List<ChangeLog> logs;

    @Inject
    PortalClock clock;

    public <E, V> V create(Kind<E, V> kind, Guard guard, Build<E> build) {
        Scope scope = enter(guard);
        Changes changes = new Changes();
        E entity = build.build(changes);
        if (entity instanceof TrackedEntity tracked) {
            tracked.created(clock.now());
        }
        em.persist(entity);
        em.flush();
        V view = kind.view(entity);
        written(kind, changes.action("created"), entity, scope, null, view, changes);
        return view;
    }

    /**
     * An update: touches the object, and tells the steps after a write of it, only when the edit
     * changed something (a patch that changes nothing leaves version, ETag and trail alone).
     */
    public <E, V> V update(Kind<E, V> kind, long id, String ifMatch, Guard guard, Edit<E, V> edit) {
        return change(kind, "updated", id, ifMatch, guard, edit, false);
    }

    /** An action ({@code submitted}, {@code returned}, …): always a change of the object. */
    public <E, V> V act(Kind<E, V> kind, String action, long id, String ifMatch, Guard guard, Edit<E, V> effect) {
        return change(kind, action, id, ifMatch, guard, effect, true);
    }

    public <E, V> void delete(Kind<E, V> kind, long id, String ifMatch, Guard guard, Removal<E, V> rules) {
        Scope scope = enter(guard);
        E entity = kind.load(em, id);
        V before = kind.view(entity);
        requireMatch(kind, ifMatch, before);
        rules.check(entity, before);
        Long subcommitteeId = kind.subcommitteeOf(entity, scope);
        em.remove(entity);
        em.flush();
        keep(new Written("deleted", kind.name(), id, subcommitteeId, before, null, new Changes()));
    }

    /**
     * Takes the guard and the lock without writing yet: the check before work that cannot wait
     * inside the transaction (a file is stored only once its submission may take it).
     */
    public Scope enter(Guard guard) {
        Scope scope = guard.check();
        locks.lock(scope);
        return scope;
    }

    /**
     * Records a write made by one statement rather than through a loaded object (a token user's
     * roles, changed by a conditional UPDATE so that racing logins queue instead of failing).
     */
    public <E, V> void recordStatement(Kind<E, V> kind, long id, Scope scope, V before, V after, Changes changes) {
        keep(new Written(changes.action("updated"), kind.name(), id, scope.subcommitteeId(), before, after, changes));
    }

    private <E, V> V change(Kind<E, V> kind, String action, long id, String ifMatch, Guard guard, Edit<E, V> edit,
            boolean always) {
        Scope scope = enter(guard);
        E entity = kind.load(em, id);
        V before = kind.view(entity);
        requireMatch(kind, ifMatch, before);
        Changes changes = new Changes();
        edit.apply(entity, before, changes);
        if ((always || !changes.isEmpty()) && entity instanceof TrackedEntity tracked) {
            tracked.touched(clock.now());
        }
        em.flush();
        V after = kind.view(entity);
        if (always || !changes.isEmpty()) {
            written(kind, changes.action(action), entity, scope, before, after, changes);
        }
        return after;
    }

    private <E, V> void requireMatch(Kind<E, V> kind, String ifMatch, V current) {
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, kind.tag(current, etags));
        }
    }

    private <E, V> void written(Kind<E, V> kind, String action, E entity, Scope scope, V before, V after,
            Changes changes) {
        Object id = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
        keep(new Written(action, kind.name(), (Long) id, kind.subcommitteeOf(entity, scope), before, after, changes));
    }

    @PostConstruct
    void orderChangeLogs() {
        logs = changeLogs.stream().sorted(Comparator.comparingInt(ChangeLog::order)).toList();
    }

    /** Every step that follows a write, in the write's transaction. */
    private void keep(Written write) {
        for (ChangeLog log : logs) {
            log.record(write);
        }
    }
}
