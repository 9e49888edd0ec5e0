package vn.portal.milestone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import vn.portal.common.problem.ProblemException;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepository<Milestone> {

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

    public boolean hasSubmissions(long milestoneId) {
        return getEntityManager().createQuery("select count(s) from Submission s where s.milestoneId = :id", Long.class)
                .setParameter("id", milestoneId).getSingleResult() > 0;
    }

    /** Of the given responsibilities, those with a submission for this milestone. */
    public List<Long> submittingAmong(long milestoneId, Collection<Long> responsibilityIds) {
        if (responsibilityIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                select s.responsibilityId from Submission s
                where s.milestoneId = :id and s.responsibilityId in :rids order by s.responsibilityId""", Long.class)
                .setParameter("id", milestoneId).setParameter("rids", responsibilityIds).getResultList();
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no milestone " + id + ".");
    }
}
