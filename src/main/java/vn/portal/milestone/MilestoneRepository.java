package vn.portal.milestone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
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

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no milestone " + id + ".");
    }
}
