package vn.portal.submission;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.portal.common.persistence.Queries;
import vn.portal.common.problem.ProblemException;
import vn.portal.milestone.MilestoneSubmissions;
import vn.portal.responsibility.ResponsibilityUses;
import vn.portal.subcommittee.SubcommitteeStatus;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepository<Submission>, MilestoneSubmissions, ResponsibilityUses {

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

    /**
     * The subcommittee of a submission and the member whose responsibility it is under, read without
     * loading it: all the write guard needs (whether the subcommittee is archived is checked once it is
     * locked).
     */
    public Owner ownerOf(long id) {
        return getEntityManager().createQuery("select new vn.portal.submission.SubmissionRepository$Owner("
                + "s.subcommitteeId, r.memberId) from Submission s, Responsibility r "
                + "where r.id = s.responsibilityId and s.id = :id", Owner.class)
                .setParameter("id", id).getResultStream().findFirst().orElseThrow(() -> notFound(id));
    }

    /** Where a submission is kept and the member whose responsibility it is under. */
    public record Owner(long subcommitteeId, long memberId) {
    }

    /**
     * Where a submission or responsibility is kept, the member whose responsibility it is, and
     * whether that subcommittee is archived.
     */
    public record Holder(long subcommitteeId, long memberId, boolean archived) {
    }

    /**
     * The subcommittee (archived or not) and the holding member of each of the given
     * responsibilities, in one statement. A submission's responsibility is always one its
     * milestone expects, of the same subcommittee: this is also where each of their submissions is
     * kept.
     */
    public Map<Long, Holder> holdersOf(Collection<Long> responsibilityIds) {
        if (responsibilityIds.isEmpty()) {
            return Map.of();
        }
        return Queries.select(getEntityManager(), "select r.id, r.subcommitteeId, r.memberId, sc.status "
                + "from Responsibility r, Subcommittee sc where sc.id = r.subcommitteeId and r.id in :ids", Object[].class)
                .setParameterList("ids", responsibilityIds).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> new Holder((Long) row[1], (Long) row[2],
                        row[3] == SubcommitteeStatus.ARCHIVED)));
    }

    /** The submission for (milestone, responsibility), if any; runs without flushing the one being written. */
    public Optional<Submission> find(long milestoneId, long responsibilityId) {
        return getEntityManager().createQuery(
                "from Submission s where s.milestoneId = :m and s.responsibilityId = :r", Submission.class)
                .setParameter("m", milestoneId).setParameter("r", responsibilityId)
                .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    /** Whether a submission was made under this responsibility. */
    @Override
    public boolean anyOf(long responsibilityId) {
        return count("responsibilityId", responsibilityId) > 0;
    }

    @Override
    public boolean anyFor(long milestoneId) {
        return count("milestoneId", milestoneId) > 0;
    }

    @Override
    public List<Long> submittingAmong(long milestoneId, Collection<Long> responsibilityIds) {
        if (responsibilityIds.isEmpty()) {
            return List.of();
        }
        return Queries.select(getEntityManager(), """
                select s.responsibilityId from Submission s
                where s.milestoneId = :id and s.responsibilityId in :rids order by s.responsibilityId""", Long.class)
                .setParameter("id", milestoneId).setParameterList("rids", responsibilityIds).getResultList();
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no submission " + id + ".");
    }
}
