package vn.portal.subcommittee;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import vn.portal.common.problem.ProblemException;

@ApplicationScoped
public class SubcommitteeRepository implements PanacheRepository<Subcommittee> {

    public Subcommittee require(long id) {
        Subcommittee subcommittee = findById(id);
        if (subcommittee == null) {
            throw notFound(id);
        }
        return subcommittee;
    }

    /**
     * Reads the subcommittee with a row lock held to the end of the transaction. Every write
     * inside a subcommittee takes it first, so the checks of the one-head, one-lead and
     * unique-email rules see every earlier write, and writes inside one subcommittee queue up.
     */
    public Subcommittee lockForWrite(long id) {
        Subcommittee subcommittee = getEntityManager().find(Subcommittee.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (subcommittee == null) {
            throw notFound(id);
        }
        return subcommittee;
    }

    /** Whether another subcommittee has the code; runs without flushing the one being written. */
    public boolean codeTaken(String foldedCode, Long self) {
        return getEntityManager().createQuery("""
                select count(s) from Subcommittee s where s.codeFolded = :code and (:self is null or s.id <> :self)""",
                Long.class).setParameter("code", foldedCode).setParameter("self", self)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getSingleResult() > 0;
    }

    /** The active head's member id for each of the given subcommittees that has one. */
    public Map<Long, Long> headMemberIds(Collection<Long> subcommitteeIds) {
        Map<Long, Long> heads = new HashMap<>();
        if (!subcommitteeIds.isEmpty()) {
            getEntityManager()
                    .createQuery("select m.headKey, m.id from Member m where m.headKey in :ids", Object[].class)
                    .setParameter("ids", subcommitteeIds)
                    .getResultList()
                    .forEach(row -> heads.put((Long) row[0], (Long) row[1]));
        }
        return heads;
    }

    /** Of the given subcommittees, those that are archived. */
    public Set<Long> archivedAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery(
                "select s.id from Subcommittee s where s.id in :ids and s.status = :archived", Long.class)
                .setParameter("ids", ids).setParameter("archived", SubcommitteeStatus.ARCHIVED).getResultList());
    }

    public boolean hasContents(long id) {
        return getEntityManager().createQuery("""
                select count(s) from Subcommittee s where s.id = :id and (
                    exists (select 1 from Member m where m.subcommitteeId = s.id)
                    or exists (select 1 from Responsibility r where r.subcommitteeId = s.id)
                    or exists (select 1 from Milestone ms where ms.subcommitteeId = s.id))
                """, Long.class).setParameter("id", id).getSingleResult() > 0;
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no subcommittee " + id + ".");
    }
}
