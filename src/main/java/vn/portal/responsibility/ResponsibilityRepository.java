package vn.portal.responsibility;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.portal.common.persistence.Queries;
import vn.portal.common.problem.ProblemException;
import vn.portal.member.Member;
import vn.portal.member.MemberDuties;
import vn.portal.subcommittee.SubcommitteeContents;

@ApplicationScoped
public class ResponsibilityRepository implements PanacheRepository<Responsibility>, SubcommitteeContents, MemberDuties {

    public Responsibility require(long id) {
        Responsibility responsibility = findById(id);
        if (responsibility == null) {
            throw notFound(id);
        }
        return responsibility;
    }

    public long subcommitteeOf(long id) {
        return getEntityManager()
                .createQuery("select r.subcommitteeId from Responsibility r where r.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElseThrow(() -> notFound(id));
    }

    /** The lead of the same folded pair, other than {@code self}; runs without flushing the one being written. */
    public Optional<Responsibility> otherLead(long subcommitteeId, String leadKey, Long self) {
        return getEntityManager().createQuery("""
                from Responsibility r where r.subcommitteeId = :sid and r.leadKey = :key
                and (:self is null or r.id <> :self)""", Responsibility.class)
                .setParameter("sid", subcommitteeId).setParameter("key", leadKey).setParameter("self", self)
                .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    @Override
    public boolean anyIn(long subcommitteeId) {
        return count("subcommitteeId", subcommitteeId) > 0;
    }

    @Override
    public boolean anyHeldBy(long memberId) {
        return count("memberId", memberId) > 0;
    }

    /** Of the given ids, those that are responsibilities of the subcommittee. */
    public List<Long> existingIn(long subcommitteeId, Collection<Long> ids) {
        return Queries.select(getEntityManager(),
                "select r.id from Responsibility r where r.subcommitteeId = :sid and r.id in :ids", Long.class)
                .setParameter("sid", subcommitteeId).setParameterList("ids", ids).getResultList();
    }

    /** Every responsibility of a subcommittee with its holder's name, grouped by the folded pair, oldest first. */
    public List<Object[]> matrixRows(long subcommitteeId) {
        return getEntityManager().createQuery("""
                select r.id, r.areaFolded, r.sectionFolded, r.area, r.documentSection, r.role, m.id, m.fullName
                from Responsibility r join Member m on m.id = r.memberId
                where r.subcommitteeId = :sid
                order by r.areaFolded, r.sectionFolded, r.id""", Object[].class)
                .setParameter("sid", subcommitteeId).getResultList();
    }

    public List<Member> activeMembersWithoutResponsibility(long subcommitteeId) {
        return getEntityManager().createQuery("""
                from Member m where m.subcommitteeId = :sid and m.active = true
                and not exists (select 1 from Responsibility r where r.memberId = m.id)
                order by m.fullNameFolded, m.id""", Member.class)
                .setParameter("sid", subcommitteeId).getResultList();
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no responsibility " + id + ".");
    }
}
