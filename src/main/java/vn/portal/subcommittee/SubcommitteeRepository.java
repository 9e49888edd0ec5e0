package vn.portal.subcommittee;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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

    /** 404 unless the subcommittee exists; read without loading it, so that it is loaded first under its lock. */
    public void requireExisting(long id) {
        if (count("id", id) == 0) {
            throw notFound(id);
        }
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

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no subcommittee " + id + ".");
    }
}
