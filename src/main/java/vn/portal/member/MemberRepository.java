package vn.portal.member;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.portal.common.persistence.Queries;
import vn.portal.common.problem.ProblemException;
import vn.portal.subcommittee.Heads;
import vn.portal.subcommittee.SubcommitteeContents;

@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member>, SubcommitteeContents, Heads {

    public Member require(long id) {
        Member member = findById(id);
        if (member == null) {
            throw notFound(id);
        }
        return member;
    }

    /** The subcommittee of a member, read without loading it, so the subcommittee can be locked first. */
    public long subcommitteeOf(long id) {
        return getEntityManager().createQuery("select m.subcommitteeId from Member m where m.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElseThrow(() -> notFound(id));
    }

    /**
     * The checks below run while the member being written is not flushed yet; they must not flush
     * it early (its constraint would fire before the check could answer with details).
     */
    public Optional<Member> activeHead(long subcommitteeId) {
        return getEntityManager().createQuery("from Member m where m.headKey = :sid", Member.class)
                .setParameter("sid", subcommitteeId).setFlushMode(FlushModeType.COMMIT)
                .getResultStream().findFirst();
    }

    public Optional<Member> byEmail(long subcommitteeId, String foldedEmail) {
        return getEntityManager()
                .createQuery("from Member m where m.subcommitteeId = :sid and m.emailFolded = :email", Member.class)
                .setParameter("sid", subcommitteeId).setParameter("email", foldedEmail)
                .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    public Optional<Member> byUser(long subcommitteeId, long userId) {
        return getEntityManager()
                .createQuery("from Member m where m.subcommitteeId = :sid and m.userId = :uid", Member.class)
                .setParameter("sid", subcommitteeId).setParameter("uid", userId)
                .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    @Override
    public boolean anyIn(long subcommitteeId) {
        return count("subcommitteeId", subcommitteeId) > 0;
    }

    @Override
    public Map<Long, Long> activeHeadMemberIds(Collection<Long> subcommitteeIds) {
        Map<Long, Long> heads = new HashMap<>();
        if (!subcommitteeIds.isEmpty()) {
            Queries.select(getEntityManager(), "select m.headKey, m.id from Member m where m.headKey in :ids", Object[].class)
                    .setParameterList("ids", subcommitteeIds)
                    .getResultList()
                    .forEach(row -> heads.put((Long) row[0], (Long) row[1]));
        }
        return heads;
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no member " + id + ".");
    }
}
