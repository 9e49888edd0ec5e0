package vn.portal.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.SelectionQuery;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.persistence.Queries;
import vn.portal.common.text.TextFold;
import vn.portal.common.time.DueDates;
import vn.portal.common.time.PortalClock;
import vn.portal.milestone.MilestoneStatus;
import vn.portal.progress.ProgressView.Comments;
import vn.portal.progress.ProgressView.Milestones;
import vn.portal.progress.ProgressView.Missing;
import vn.portal.progress.ProgressView.Submissions;
import vn.portal.subcommittee.SubcommitteeService;
import vn.portal.submission.SubmissionStatus;

/**
 * Counts, the first missing pairs and how many there are, each one query in the database; the
 * whole missing list paged.
 */
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
                comments(subcommitteeId), missing(subcommitteeId, MissingFilter.NONE, today, 0, ProgressView.MISSING_SHOWN),
                countMissing(subcommitteeId, MissingFilter.NONE, today));
    }

    private Milestones milestones(long sid, LocalDate today) {
        Object[] row = Queries.select(em, """
                select count(m),
                    sum(case when m.status = vn.portal.milestone.MilestoneStatus.PLANNED then 1 else 0 end),
                    sum(case when m.status = vn.portal.milestone.MilestoneStatus.IN_PROGRESS then 1 else 0 end),
                    sum(case when m.status = vn.portal.milestone.MilestoneStatus.DONE then 1 else 0 end),
                    sum(case when m.status = vn.portal.milestone.MilestoneStatus.CANCELLED then 1 else 0 end),
                    sum(case when m.status not in :closed and m.dueOn < :today then 1 else 0 end),
                    sum(case when m.status not in :closed and m.dueOn >= :today and m.dueOn <= :lastDueSoon
                        then 1 else 0 end)
                from Milestone m where m.subcommitteeId = :sid""", Object[].class)
                .setParameter("sid", sid).setParameterList("closed", MilestoneStatus.CLOSED).setParameter("today", today)
                .setParameter("lastDueSoon", DueDates.lastDueSoonDay(today)).getSingleResult();
        return new Milestones(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]), count(row[5]),
                count(row[6]));
    }

    private Submissions submissions(long sid) {
        Object[] row = em.createQuery("""
                select sum(case when s.status = vn.portal.submission.SubmissionStatus.DRAFT then 1 else 0 end),
                    sum(case when s.status = vn.portal.submission.SubmissionStatus.SUBMITTED then 1 else 0 end),
                    sum(case when s.status = vn.portal.submission.SubmissionStatus.RETURNED then 1 else 0 end),
                    sum(case when s.status = vn.portal.submission.SubmissionStatus.ACCEPTED then 1 else 0 end),
                    sum(case when s.late = true then 1 else 0 end)
                from Submission s where s.subcommitteeId = :sid""", Object[].class)
                .setParameter("sid", sid).getSingleResult();
        return new Submissions(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]));
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

    /** The missing pairs, paged in their one order; 404 when the subcommittee does not exist or is not visible. */
    @Transactional
    public PageView<Missing> missing(long subcommitteeId, MissingFilter filter, PageRequest page) {
        subcommittees.require(subcommitteeId);
        LocalDate today = clock.today();
        long total = page.counted() ? countMissing(subcommitteeId, filter, today) : -1;
        if (page.counted() && page.offset() >= total) {
            return PageView.of(List.of(), page, total);
        }
        return PageView.of(missing(subcommitteeId, filter, today, page.offset(), page.size()), page, total);
    }

    /**
     * Every expected pair of a milestone that is not CANCELLED, not yet due ones included, without a
     * handed-in submission: the rows from {@code offset}, at most {@code limit} of them.
     */
    private List<Missing> missing(long sid, MissingFilter filter, LocalDate today, long offset, int limit) {
        SelectionQuery<Object[]> query = Queries.select(em, """
                select m.id, m.title, m.dueOn, m.status, r.id, mem.id, mem.fullName, r.area""" + fromMissing(filter)
                + " order by m.dueOn, m.id, r.id", Object[].class);
        bindMissing(query, sid, filter, today, true);
        return query.setFirstResult((int) Math.min(offset, Integer.MAX_VALUE)).setMaxResults(limit).getResultStream()
                .map(row -> new Missing((Long) row[0], (String) row[1], (LocalDate) row[2],
                        !((MilestoneStatus) row[3]).isClosed() && DueDates.isPastDue((LocalDate) row[2], today),
                        (Long) row[4], (Long) row[5], (String) row[6], (String) row[7]))
                .toList();
    }

    /**
     * The expected pairs less the handed-in ones, two plain aggregates: a submission's responsibility is
     * always one its milestone expects (creating and editing require it, and a milestone cannot drop a
     * responsibility that has a submission), so every handed-in submission of a counted milestone takes
     * exactly one pair off. Counting the anti-join instead made PostgreSQL plan a parallel scan per
     * request (bench/README.md).
     */
    private long countMissing(long sid, MissingFilter filter, LocalDate today) {
        SelectionQuery<Long> expected = Queries.select(em, "select count(*) from Milestone m join m.responsibilityIds rid, "
                + "Responsibility r, Member mem where r.id = rid and " + MISSING_WHERE + filters(filter), Long.class);
        SelectionQuery<Long> handedIn = Queries.select(em, "select count(*) from Submission s, Milestone m, "
                + "Responsibility r, Member mem where m.id = s.milestoneId and r.id = s.responsibilityId and "
                + "s.status in :handedIn and " + MISSING_WHERE + filters(filter), Long.class);
        bindMissing(expected, sid, filter, today, false);
        bindMissing(handedIn, sid, filter, today, true);
        return expected.getSingleResult() - handedIn.getSingleResult();
    }

    private static final String MISSING_WHERE = " mem.id = r.memberId and m.subcommitteeId = :sid "
            + "and m.status <> vn.portal.milestone.MilestoneStatus.CANCELLED ";

    /** The page's from-and-where. */
    private static String fromMissing(MissingFilter filter) {
        return """
                 from Milestone m join m.responsibilityIds rid, Responsibility r, Member mem
                where r.id = rid and """ + MISSING_WHERE + """
                  and not exists (select 1 from Submission s where s.subcommitteeId = m.subcommitteeId
                                  and s.milestoneId = m.id and s.responsibilityId = r.id
                                  and s.status in :handedIn)""" + filters(filter);
    }

    private static String filters(MissingFilter filter) {
        StringBuilder hql = new StringBuilder();
        if (filter.milestoneId() != null) {
            hql.append(" and m.id = :milestoneId");
        }
        if (filter.memberId() != null) {
            hql.append(" and mem.id = :memberId");
        }
        if (filter.area() != null) {
            hql.append(" and r.areaFolded = :area");
        }
        if (filter.overdue() != null) {
            hql.append(filter.overdue() ? " and (m.status not in :closed and m.dueOn < :today)"
                    : " and (m.status in :closed or m.dueOn >= :today)");
        }
        return hql.toString();
    }

    private static void bindMissing(SelectionQuery<?> query, long sid, MissingFilter filter, LocalDate today,
            boolean handedIn) {
        query.setParameter("sid", sid);
        if (handedIn) {
            query.setParameterList("handedIn", HANDED_IN);
        }
        if (filter.milestoneId() != null) {
            query.setParameter("milestoneId", filter.milestoneId());
        }
        if (filter.memberId() != null) {
            query.setParameter("memberId", filter.memberId());
        }
        if (filter.area() != null) {
            query.setParameter("area", TextFold.fold(filter.area()));
        }
        if (filter.overdue() != null) {
            query.setParameterList("closed", MilestoneStatus.CLOSED).setParameter("today", today);
        }
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
