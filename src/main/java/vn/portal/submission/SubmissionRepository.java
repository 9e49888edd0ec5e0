package vn.portal.submission;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Optional;
import vn.portal.common.problem.ProblemException;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepository<Submission> {

    public Submission require(long id) {
        Submission submission = findById(id);
        if (submission == null) {
            throw notFound(id);
        }
        return submission;
    }

    public long subcommitteeOf(long id) {
        return getEntityManager().createQuery("select s.subcommitteeId from Submission s where s.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElseThrow(() -> notFound(id));
    }

    /** The submission for (milestone, responsibility), if any; runs without flushing the one being written. */
    public Optional<Submission> find(long milestoneId, long responsibilityId) {
        return getEntityManager().createQuery(
                "from Submission s where s.milestoneId = :m and s.responsibilityId = :r", Submission.class)
                .setParameter("m", milestoneId).setParameter("r", responsibilityId)
                .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no submission " + id + ".");
    }
}
