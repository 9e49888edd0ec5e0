package vn.portal.milestone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import vn.portal.common.problem.ProblemException;
import vn.portal.responsibility.ResponsibilityUses;
import vn.portal.subcommittee.SubcommitteeContents;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepository<Milestone>, SubcommitteeContents, ResponsibilityUses {

    public Milestone require(long id) {
        Milestone milestone = findById(id);
        if (milestone == null) {
            throw notFound(id);
        }
        return milestone;
    }

    public long subcommitteeOf(long id) {
        return getEntityManager().createQuery("select m.subcommitteeId from Milestone m where m.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElseThrow(() -> notFound(id));
    }

    @Override
    public boolean anyIn(long subcommitteeId) {
        return count("subcommitteeId", subcommitteeId) > 0;
    }

    /** Whether a milestone expects this responsibility to submit. */
    @Override
    public boolean anyOf(long responsibilityId) {
        return getEntityManager().createQuery(
                "select count(ms) from Milestone ms join ms.responsibilityIds rid where rid = :id", Long.class)
                .setParameter("id", responsibilityId).getSingleResult() > 0;
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no milestone " + id + ".");
    }
}
