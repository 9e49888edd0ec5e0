package vn.portal.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.FieldError;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;
import vn.portal.responsibility.ResponsibilityRepository;
import vn.portal.subcommittee.SubcommitteeService;

@ApplicationScoped
public class MilestoneService {

    public static final String ENTITY = "milestone";

    public static final SortFields SORT = SortFields.defaultingTo("e.dueOn asc")
            .field("dueOn", "e.dueOn")
            .field("title", "e.titleFolded")
            .enumField("status", "e.status", MilestoneStatus.class)
            .field("createdAt", "e.createdAt");

    @Inject
    MilestoneRepository repository;

    @Inject
    ResponsibilityRepository responsibilities;

    @Inject
    SubcommitteeService subcommittees;

    @Inject
    PortalClock clock;

    @Inject
    Access access;

    @Inject
    Writes writes;

    @Inject
    MilestoneSubmissions submissions;

    private final Kind<Milestone, MilestoneView> kind = Kind.of(ENTITY, Milestone.class,
            m -> MilestoneView.of(m, clock.today()));

    @Transactional
    public PageView<MilestoneView> list(long subcommitteeId, MilestoneFilter filter, PageRequest page) {
        subcommittees.require(subcommitteeId);
        LocalDate today = clock.today();
        Finder<Milestone> finder = Finder.of(Milestone.class)
                .where("e.subcommitteeId = :sid", "sid", subcommitteeId)
                .where("e.status = :status", "status", filter.status())
                .where("e.dueOn >= :dueFrom", "dueFrom", filter.dueFrom())
                .where("e.dueOn <= :dueTo", "dueTo", filter.dueTo())
                .search("e.titleFolded", filter.q());
        if (filter.overdue() != null) {
            finder.where(filter.overdue() ? "e.status not in :closed and e.dueOn < :today"
                    : "e.status in :closed or e.dueOn >= :today")
                    .parameter("closed", MilestoneStatus.CLOSED).parameter("today", today);
        }
        return finder.page(repository.getEntityManager(), page,
                list -> list.stream().map(m -> MilestoneView.of(m, today)).toList());
    }

    @Transactional
    public MilestoneView get(long id) {
        Milestone milestone = repository.require(id);
        access.requireVisible(milestone.subcommitteeId, kind.what(id));
        return MilestoneView.of(milestone, clock.today());
    }

    @Transactional
    public MilestoneView create(long subcommitteeId, MilestoneRequest request) {
        return writes.create(kind,
                () -> access.managerInside(subcommitteeId, SubcommitteeService.ENTITY + " " + subcommitteeId),
                changes -> build(subcommitteeId, request, null, changes));
    }

    /**
     * A milestone that a session's conclusion adds to the plan as the session closes, under the
     * rules a direct create meets; whoever may close the session may, which the closing checked.
     */
    @Transactional
    public MilestoneView createConcluded(long subcommitteeId, MilestoneRequest request, long conclusionId) {
        return writes.create(kind, () -> Scope.inside(subcommitteeId),
                changes -> build(subcommitteeId, request, conclusionId, changes));
    }

    private Milestone build(long subcommitteeId, MilestoneRequest request, Long conclusionId, Changes changes) {
        Milestone milestone = new Milestone();
        milestone.subcommitteeId = subcommitteeId;
        milestone.conclusionId = conclusionId;
        apply(milestone, request.asPatch(), changes);
        return milestone;
    }

    @Transactional
    public MilestoneView update(long id, MilestonePatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch,
                () -> access.managerInside(repository.subcommitteeOf(id), kind.what(id)),
                (milestone, before, changes) -> apply(milestone, patch, changes));
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        writes.delete(kind, id, ifMatch, () -> access.managerInside(repository.subcommitteeOf(id), kind.what(id)),
                (milestone, before) -> {
                    if (submissions.anyFor(id)) {
                        throw ErrorCode.MILESTONE_HAS_SUBMISSIONS.problem(
                                "Submissions were made for this milestone; set its status to CANCELLED instead.");
                    }
                });
    }

    private void apply(Milestone m, MilestonePatch patch, Changes changes) {
        changes.take(patch.title(), m.title, v -> m.title = v);
        changes.take(patch.description(), m.description, v -> m.description = v);
        changes.take(patch.dueOn(), m.dueOn, v -> m.dueOn = v);
        patch.status().ifPresent(status -> {
            MilestoneStatus before = m.status;
            changes.take(patch.status(), before, v -> m.status = v);
            if (m.status == MilestoneStatus.DONE && before != MilestoneStatus.DONE) {
                changes.set("completedOn", m.completedOn, clock.today(), v -> m.completedOn = v);
            } else if (m.status != MilestoneStatus.DONE) {
                changes.set("completedOn", m.completedOn, null, v -> m.completedOn = v);
            }
        });
        patch.responsibilityIds().ifPresent(ids -> {
            Set<Long> wanted = requireResponsibilitiesOf(m.subcommitteeId, ids);
            requireNoSubmissionFromRemoved(m, wanted);
            changes.set("responsibilityIds", new HashSet<>(m.responsibilityIds), wanted, v -> {
                m.responsibilityIds.retainAll(v);
                m.responsibilityIds.addAll(v);
            });
        });
        m.derive();
    }

    /** A responsibility that already submitted for the milestone stays expected by it. */
    private void requireNoSubmissionFromRemoved(Milestone m, Set<Long> wanted) {
        if (m.id == null) {
            return;
        }
        Set<Long> removed = new HashSet<>(m.responsibilityIds);
        removed.removeAll(wanted);
        List<Long> submitting = submissions.submittingAmong(m.id, removed);
        if (!submitting.isEmpty()) {
            throw ErrorCode.RESPONSIBILITY_IN_USE.problem("Responsibility " + submitting.get(0)
                    + " has a submission for this milestone; it cannot be taken out of responsibilityIds.")
                    .with("conflictingId", submitting.get(0));
        }
    }

    private Set<Long> requireResponsibilitiesOf(long subcommitteeId, List<Long> ids) {
        if (ids.isEmpty()) {
            return new HashSet<>();
        }
        Set<Long> existing = new HashSet<>(responsibilities.existingIn(subcommitteeId, ids));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!existing.contains(ids.get(i))) {
                errors.add(new FieldError("responsibilityIds[" + i + "]", "must be a responsibility of this subcommittee"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new HashSet<>(ids);
    }
}
