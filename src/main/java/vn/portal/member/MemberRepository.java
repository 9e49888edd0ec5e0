package vn.portal.member;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Optional;
import vn.portal.common.problem.ProblemException;

@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {

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

    public boolean holdsResponsibilities(long memberId) {
        return getEntityManager().createQuery("select count(r) from Responsibility r where r.memberId = :id", Long.class)
                .setParameter("id", memberId).getSingleResult() > 0;
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no member " + id + ".");
    }
}
