package vn.portal.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.portal.access.Access;
import vn.portal.access.Caller;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.text.TextFold;
import vn.portal.common.time.DueDates;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;
import vn.portal.milestone.Milestone;
import vn.portal.milestone.MilestoneRepository;
import vn.portal.milestone.MilestoneService;
import vn.portal.submission.SubmissionGate.Act;

@ApplicationScoped
public class SubmissionService {

    public static final String ENTITY = "submission";

    public static final SortFields SORT = SortFields.byId()
            .nullableField("submittedAt", "e.submittedAt")
            .enumField("status", "e.status", SubmissionStatus.class)
            .field("title", "e.titleFolded")
            .field("createdAt", "e.createdAt");

    @Inject
    SubmissionRepository repository;

    @Inject
    MilestoneRepository milestones;

    @Inject
    SubmissionFiles files;

    @Inject
    PendingComments pending;

    @Inject
    SubmissionGate gate;

    @Inject
    PortalClock clock;

    @Inject
    Access access;

    @Inject
    Writes writes;

    private final Kind<Submission, SubmissionView> kind = Kind.of(ENTITY, Submission.class, this::view);

    @Transactional
    public PageView<SubmissionSummary> list(SubmissionFilter filter, PageRequest page) {
        return Finder.of(Submission.class)
                .whereIn("e.subcommitteeId", "visible", access.visibleSubcommittees())
                .where("e.subcommitteeId = :sid", "sid", filter.subcommitteeId())
                .where("e.milestoneId = :mid", "mid", filter.milestoneId())
                .where("e.responsibilityId = :rid", "rid", filter.responsibilityId())
                .where("e.responsibilityId in (select r.id from Responsibility r where r.areaFolded = :area)", "area",
                        TextFold.fold(filter.area()))
                .where("e.status = :status", "status", filter.status())
                .where("e.late = :late", "late", filter.late())
                .search("e.titleFolded", filter.q())
                .page(repository.getEntityManager(), page,
                        list -> views(list).stream().map(SubmissionSummary::of).toList());
    }

    /** The submissions of one milestone, with the other filters; 404 when the milestone does not exist. */
    @Transactional
    public PageView<SubmissionSummary> listForMilestone(long milestoneId, SubmissionFilter filter, PageRequest page) {
        access.requireVisible(milestones.require(milestoneId).subcommitteeId, MilestoneService.ENTITY + " " + milestoneId);
        return list(new SubmissionFilter(null, milestoneId, filter.responsibilityId(), filter.area(), filter.status(),
                filter.late(), filter.q()), page);
    }

    @Transactional
    public SubmissionView get(long id) {
        return view(gate.requireVisible(id));
    }

    @Transactional
    public SubmissionView create(long milestoneId, SubmissionRequest request) {
        String where = MilestoneService.ENTITY + " " + milestoneId;
        return writes.create(kind, () -> {
            long subcommitteeId = milestones.subcommitteeOf(milestoneId);
            access.requireVisible(subcommitteeId, where);
            requireHolder(subcommitteeId, request.responsibilityId(), where);
            return Scope.inside(subcommitteeId);
        }, changes -> {
            Milestone milestone = milestones.require(milestoneId);
            Submission submission = new Submission();
            submission.subcommitteeId = milestone.subcommitteeId;
            submission.milestoneId = milestoneId;
            apply(submission, milestone, request.asPatch(), changes);
            return submission;
        });
    }

    @Transactional
    public SubmissionView update(long id, SubmissionPatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch, () -> gate.guard(id, Act.EDIT, kind.what(id)),
                (submission, before, changes) -> {
                    gate.requireEditable(submission);
                    patch.responsibilityId().ifPresent(
                            responsibilityId -> requireHolder(submission.subcommitteeId, responsibilityId, kind.what(id)));
                    apply(submission, milestones.require(submission.milestoneId), patch, changes);
                });
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        writes.delete(kind, id, ifMatch, () -> gate.guard(id, Act.EDIT, kind.what(id)), (submission, before) -> {
            if (!Workflow.isDeletable(submission.status)) {
                throw locked(submission, "Only a DRAFT submission can be deleted.");
            }
            files.deleteOf(id);
        });
    }

    @Transactional
    public SubmissionView submit(long id, String ifMatch) {
        return move(id, ifMatch, SubmissionAction.SUBMIT, Act.EDIT, s -> {
            Instant now = clock.now();
            if (s.firstSubmittedAt == null) {
                s.firstSubmittedAt = now;
                s.late = DueDates.isLate(now, milestones.require(s.milestoneId).dueOn);
            } else {
                s.revision++;
            }
            s.submittedAt = now;
        });
    }

    @Transactional
    public SubmissionView returnForRevision(long id, ReturnRequest request, String ifMatch) {
        return move(id, ifMatch, SubmissionAction.RETURN, Act.REVIEW, s -> s.returnReason = request.reason());
    }

    @Transactional
    public SubmissionView accept(long id, String ifMatch) {
        return move(id, ifMatch, SubmissionAction.ACCEPT, Act.REVIEW, s -> {
            if (!pending.among(List.of(s.id)).isEmpty()) {
                throw ErrorCode.PENDING_COMMENTS.problem(
                        "A comment on this submission is still PENDING: dispose of every comment before accepting.");
            }
            s.acceptedAt = clock.now();
        });
    }

    /**
     * A member may create or move a submission only under a responsibility of their own. A
     * responsibility that is not one of this subcommittee's is left to the body's validation (400,
     * as for a manager), once the caller is one who may work on submissions at all.
     */
    private void requireHolder(long subcommitteeId, long responsibilityId, String what) {
        SubmissionRepository.Holder holder = repository.holdersOf(List.of(responsibilityId)).get(responsibilityId);
        if (holder == null || holder.subcommitteeId() != subcommitteeId) {
            access.requireSubmissionWorker(subcommitteeId, what);
        } else {
            access.requireSubmissionEditor(subcommitteeId, holder.memberId(), what);
        }
    }

    SubmissionView view(Submission submission) {
        return views(List.of(submission)).get(0);
    }

    private SubmissionView move(long id, String ifMatch, SubmissionAction action, Act act,
            Consumer<Submission> effect) {
        return writes.act(kind, past(action), id, ifMatch, () -> gate.guard(id, act, kind.what(id)),
                (submission, current, changes) -> {
                    SubmissionStatus next = Workflow.next(submission.status, action).orElseThrow(() -> ErrorCode
                            .INVALID_TRANSITION.problem("A submission that is " + submission.status + " cannot be "
                                    + past(action) + ".")
                            .with("allowedActions", current.allowedActions()));
                    effect.accept(submission);
                    submission.status = next;
                });
    }

    private static String past(SubmissionAction action) {
        return switch (action) {
            case SUBMIT -> "submitted";
            case RETURN -> "returned";
            case ACCEPT -> "accepted";
            default -> action.wireName();
        };
    }

    private void apply(Submission s, Milestone milestone, SubmissionPatch patch, Changes changes) {
        patch.responsibilityId().ifPresent(responsibilityId -> {
            if (!milestone.responsibilityIds.contains(responsibilityId)) {
                throw ProblemException.invalid("responsibilityId", "must be one of the milestone's responsibilityIds");
            }
            repository.find(milestone.id, responsibilityId).filter(other -> !other.id.equals(s.id)).ifPresent(other -> {
                throw ErrorCode.SUBMISSION_EXISTS.problem("Submission " + other.id
                        + " is already the one for this milestone and responsibility.").with("conflictingId", other.id);
            });
        });
        changes.take(patch.responsibilityId(), s.responsibilityId, v -> s.responsibilityId = v);
        changes.take(patch.title(), s.title, v -> s.title = v);
        changes.take(patch.content(), s.content, v -> s.content = v);
        s.derive();
    }

    static ProblemException locked(Submission submission, String detail) {
        return ErrorCode.SUBMISSION_LOCKED.problem(detail + " This one is " + submission.status + ".");
    }

    private List<SubmissionView> views(List<Submission> page) {
        List<Long> ids = page.stream().map(s -> s.id).toList();
        Map<Long, List<AttachmentView>> attached = files.viewsBySubmission(ids);
        Set<Long> pendingAmong = pending.among(ids);
        // the holder of each responsibility and whether its subcommittee (the submission's) is archived: one statement
        Map<Long, SubmissionRepository.Holder> holders = repository.holdersOf(
                page.stream().map(s -> s.responsibilityId).distinct().toList());
        Caller caller = access.caller();
        return page.stream().map(s -> {
            SubmissionRepository.Holder holder = holders.get(s.responsibilityId);
            return SubmissionView.of(s, attached.getOrDefault(s.id, List.of()),
                    Workflow.allowedActions(s.status, pendingAmong.contains(s.id), holder.archived(),
                            permitted(caller, s.subcommitteeId, holder.memberId())));
        }).toList();
    }

    private Set<SubmissionAction> permitted(Caller caller, long subcommitteeId, long holder) {
        Set<SubmissionAction> permitted = EnumSet.noneOf(SubmissionAction.class);
        if (access.editsSubmission(caller, subcommitteeId, holder)) {
            permitted.addAll(EnumSet.of(SubmissionAction.SUBMIT, SubmissionAction.EDIT, SubmissionAction.DELETE));
        }
        if (access.manages(caller, subcommitteeId)) {
            permitted.addAll(EnumSet.of(SubmissionAction.RETURN, SubmissionAction.ACCEPT));
        }
        if (access.comments(caller, subcommitteeId)) {
            permitted.add(SubmissionAction.COMMENT);
        }
        return permitted;
    }
}
