package vn.portal.session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.portal.common.problem.ProblemException;
import vn.portal.member.Member;
import vn.portal.subcommittee.SubcommitteeContents;

@ApplicationScoped
public class SessionRepository implements PanacheRepository<Session>, SubcommitteeContents {

    /** What a guard needs to know of a session before its subcommittee is locked. */
    public record Header(long subcommitteeId, Long chairMemberId) {
    }

    public Session require(long id) {
        Session session = findById(id);
        if (session == null) {
            throw notFound(id);
        }
        return session;
    }

    public Header header(long id) {
        return getEntityManager().createQuery(
                "select new vn.portal.session.SessionRepository$Header(s.subcommitteeId, s.chairMemberId) from Session s where s.id = :id",
                Header.class).setParameter("id", id).getResultStream().findFirst().orElseThrow(() -> notFound(id));
    }

    @Override
    public boolean anyIn(long subcommitteeId) {
        return count("subcommitteeId", subcommitteeId) > 0;
    }

    /** The members a new session invites: every active one, by id. */
    List<Long> activeMembers(long subcommitteeId) {
        return getEntityManager().createQuery(
                "select m.id from Member m where m.subcommitteeId = :sid and m.active = true order by m.id", Long.class)
                .setParameter("sid", subcommitteeId).getResultList();
    }

    /** The chair a session gets when none is named: the active head, if there is one. */
    Long activeHead(long subcommitteeId) {
        return getEntityManager().createQuery(
                "select m.id from Member m where m.subcommitteeId = :sid and m.active = true and m.role = vn.portal.access.MemberRole.HEAD",
                Long.class).setParameter("sid", subcommitteeId).getResultStream().findFirst().orElse(null);
    }

    boolean isActiveMember(long subcommitteeId, long memberId) {
        Member member = getEntityManager().find(Member.class, memberId);
        return member != null && member.subcommitteeId == subcommitteeId && member.active;
    }

    boolean isMember(long subcommitteeId, long memberId) {
        Member member = getEntityManager().find(Member.class, memberId);
        return member != null && member.subcommitteeId == subcommitteeId;
    }

    Map<Long, Member> members(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select m from Member m where m.id in :ids", Member.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no session " + id + ".");
    }
}
