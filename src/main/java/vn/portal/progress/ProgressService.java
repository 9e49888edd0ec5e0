package vn.portal.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.portal.common.time.DueDates;
import vn.portal.common.time.PortalClock;
import vn.portal.milestone.MilestoneStatus;
import vn.portal.progress.ProgressView.Comments;
import vn.portal.progress.ProgressView.Milestones;
import vn.portal.progress.ProgressView.Missing;
import vn.portal.progress.ProgressView.Submissions;
import vn.portal.subcommittee.SubcommitteeService;
import vn.portal.submission.SubmissionStatus;

/** Counts and the missing list, each computed by one aggregate query in the database. */
@ApplicationScoped
public class ProgressService {

    private static final List<SubmissionStatus> HANDED_IN = List.of(SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED);

    @Inject
    EntityManager em;

    @Inject
    SubcommitteeService subcommittees;

    @Inject
    PortalClock clock;

    @Transactional
    public ProgressView progress(long subcommitteeId) {
        subcommittees.require(subcommitteeId);
        LocalDate today = clock.today();
        return new ProgressView(milestones(subcommitteeId, today), submissions(subcommitteeId),
                comments(subcommitteeId), missing(subcommitteeId, today));
    }

    private Milestones milestones(long sid, LocalDate today) {
        Object[] row = em.createQuery("""
                select count(m),
                    sum(case when m.status = vn.portal.milestone.MilestoneStatus.PLANNED then 1 else 0 end),
                    sum(case when m.status = vn.portal.milestone.MilestoneStatus.IN_PROGRESS then 1 else 0 end),
                    sum(case when m.status = vn.portal.milestone.MilestoneStatus.DONE then 1 else 0 end),
                    sum(case when m.status = vn.portal.milestone.MilestoneStatus.CANCELLED then 1 else 0 end),
                    sum(case when m.status not in :closed and m.dueOn < :today then 1 else 0 end),
                    sum(case when m.status not in :closed and m.dueOn >= :today and m.dueOn <= :lastDueSoon
                        then 1 else 0 end)
                from Milestone m where m.subcommitteeId = :sid""", Object[].class)
                .setParameter("sid", sid).setParameter("closed", MilestoneStatus.CLOSED).setParameter("today", today)
                .setParameter("lastDueSoon", DueDates.lastDueSoonDay(today)).getSingleResult();
        return new Milestones(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]), count(row[5]),
                count(row[6]));
    }

    private Submissions submissions(long sid) {
        Map<Object, Long> byStatus = grouped("""
                select s.status, count(s) from Submission s where s.subcommitteeId = :sid group by s.status""", sid);
        long late = em.createQuery("select count(s) from Submission s where s.subcommitteeId = :sid and s.late = true",
                Long.class).setParameter("sid", sid).getSingleResult();
        return new Submissions(byStatus.getOrDefault(SubmissionStatus.DRAFT, 0L),
                byStatus.getOrDefault(SubmissionStatus.SUBMITTED, 0L), byStatus.getOrDefault(SubmissionStatus.RETURNED, 0L),
                byStatus.getOrDefault(SubmissionStatus.ACCEPTED, 0L), late);
    }

    private Comments comments(long sid) {
        Map<Object, Long> byDisposition = grouped("""
                select c.disposition, count(c) from Comment c, Submission s
                where s.id = c.submissionId and s.subcommitteeId = :sid group by c.disposition""", sid);
        return new Comments(byDisposition.getOrDefault(vn.portal.submission.comment.Disposition.PENDING, 0L),
                byDisposition.getOrDefault(vn.portal.submission.comment.Disposition.INCORPORATED, 0L),
                byDisposition.getOrDefault(vn.portal.submission.comment.Disposition.EXPLAINED, 0L),
                byDisposition.getOrDefault(vn.portal.submission.comment.Disposition.REJECTED, 0L));
    }

    /** Every expected pair of a milestone that is not CANCELLED, not yet due ones included, without a handed-in submission. */
    private List<Missing> missing(long sid, LocalDate today) {
        return em.createQuery("""
                select m.id, m.title, m.dueOn, m.status, r.id, mem.id, mem.fullName, r.area
                from Milestone m join m.responsibilityIds rid, Responsibility r, Member mem
                where m.subcommitteeId = :sid and m.status <> vn.portal.milestone.MilestoneStatus.CANCELLED
                  and r.id = rid and mem.id = r.memberId
                  and not exists (select 1 from Submission s where s.milestoneId = m.id and s.responsibilityId = r.id
                                  and s.status in :handedIn)
                order by m.dueOn, m.id, r.id""", Object[].class)
                .setParameter("sid", sid).setParameter("handedIn", HANDED_IN).getResultStream()
                .map(row -> new Missing((Long) row[0], (String) row[1], (LocalDate) row[2],
                        !((MilestoneStatus) row[3]).isClosed() && DueDates.isPastDue((LocalDate) row[2], today),
                        (Long) row[4], (Long) row[5], (String) row[6], (String) row[7]))
                .toList();
    }

    private Map<Object, Long> grouped(String query, long sid) {
        Map<Object, Long> counts = new HashMap<>();
        em.createQuery(query, Object[].class).setParameter("sid", sid).getResultList()
                .forEach(row -> counts.put(row[0], (Long) row[1]));
        return counts;
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
