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
import vn.portal.audit.AuditTrail;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.json.Body;
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
import vn.portal.milestone.Milestone;
import vn.portal.milestone.MilestoneRepository;
import vn.portal.milestone.MilestoneService;
import vn.portal.subcommittee.SubcommitteeService;
import vn.portal.submission.attachment.AttachmentRepository;
import vn.portal.submission.comment.CommentRepository;

@ApplicationScoped
public class SubmissionService {

    public static final String ENTITY = "submission";


    /** Who may change a submission, and its attachments and comments, for a given act. */
    public enum Act {
        /** Edit, submit, delete; add or remove files: the responsibility's holder or a manager. */
        EDIT,
        /** Return, accept, dispose of comments: a manager. */
        REVIEW,
        /** Comment: any member of the subcommittee. */
        COMMENT
    }

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
    AttachmentRepository attachments;

    @Inject
    CommentRepository comments;

    @Inject
    SubcommitteeService subcommittees;

    @Inject
    PortalClock clock;

    @Inject
    ETags etags;

    @Inject
    Access access;

    @Inject
    AuditTrail audit;

    @Transactional
    public PageView<SubmissionSummary> list(SubmissionFilter filter, PageRequest page) {
        return Finder.of(Submission.class)
                .where(Access.visibleClause("e.subcommitteeId"), "callerId", access.restrictedTo())
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
        Submission submission = repository.require(id);
        access.requireVisible(submission.subcommitteeId, what(id));
        return view(submission);
    }

    @Transactional
    public SubmissionView create(long milestoneId, Body body) {
        long subcommitteeId = milestones.subcommitteeOf(milestoneId);
        access.requireVisible(subcommitteeId, MilestoneService.ENTITY + " " + milestoneId);
        requireHolder(subcommitteeId, body.id("responsibilityId"), MilestoneService.ENTITY + " " + milestoneId);
        subcommittees.lockOpenForWrite(subcommitteeId);
        Milestone milestone = milestones.require(milestoneId);
        Submission submission = new Submission();
        submission.subcommitteeId = subcommitteeId;
        submission.milestoneId = milestoneId;
        apply(submission, milestone, body, new Changes());
        submission.created(clock.now());
        repository.persist(submission);
        repository.flush();
        SubmissionView view = view(submission);
        audit.created(ENTITY, submission.id, subcommitteeId, view);
        return view;
    }

    @Transactional
    public SubmissionView update(long id, Body body, String ifMatch) {
        Submission submission = lockForChange(id, Act.EDIT);
        SubmissionView before = view(submission);
        etags.requireMatch(ifMatch, before);
        requireEditable(submission);
        if (body.has("responsibilityId")) {
            requireHolder(submission.subcommitteeId, body.id("responsibilityId"), what(id));
        }
        Changes changes = new Changes();
        apply(submission, milestones.require(submission.milestoneId), body, changes);
        if (!changes.isEmpty()) {
            submission.updatedAt = clock.now();
        }
        repository.flush();
        SubmissionView after = view(submission);
        audit.updated(ENTITY, id, submission.subcommitteeId, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Submission submission = lockForChange(id, Act.EDIT);
        SubmissionView before = view(submission);
        etags.requireMatch(ifMatch, before);
        if (!Workflow.isDeletable(submission.status)) {
            throw locked(submission, "Only a DRAFT submission can be deleted.");
        }
        attachments.deleteOf(id);
        repository.delete(submission);
        repository.flush();
        audit.deleted(ENTITY, id, submission.subcommitteeId, before);
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
    public SubmissionView returnForRevision(long id, String reason, String ifMatch) {
        return move(id, ifMatch, SubmissionAction.RETURN, Act.REVIEW, s -> s.returnReason = reason);
    }

    @Transactional
    public SubmissionView accept(long id, String ifMatch) {
        return move(id, ifMatch, SubmissionAction.ACCEPT, Act.REVIEW, s -> {
            if (!comments.withPendingComments(List.of(s.id)).isEmpty()) {
                throw ErrorCode.PENDING_COMMENTS.problem("A comment on this submission is still PENDING: dispose of every comment before accepting.");
            }
            s.acceptedAt = clock.now();
        });
    }

    /**
     * Checks that the caller may do {@code act} to the submission (404 when they cannot see it,
     * 403 when they may not), then locks its subcommittee (refusing while it is archived) and
     * reads the submission, for any write to it or to its attachments and comments.
     */
    public Submission lockForChange(long id, Act act) {
        return lockForChange(id, act, what(id));
    }

    /** As above, for a change to something of the submission's that a 404 should name instead ("comment 7"). */
    public Submission lockForChange(long id, Act act, String what) {
        SubmissionRepository.Holder holder = repository.holderOf(id);
        long subcommitteeId = holder.subcommitteeId();
        switch (act) {
            case EDIT -> access.requireSubmissionEditor(subcommitteeId, holder.memberId(), what);
            case REVIEW -> access.requireManager(subcommitteeId, what);
            case COMMENT -> access.requireCommenter(subcommitteeId, what);
        }
        subcommittees.lockOpenForWrite(subcommitteeId);
        return repository.require(id);
    }

    /** The submission a read of its attachments or comments goes into; 404 when the caller cannot see it. */
    public Submission requireVisible(long id) {
        return requireVisible(id, what(id));
    }

    public Submission requireVisible(long id, String what) {
        Submission submission = repository.require(id);
        access.requireVisible(submission.subcommitteeId, what);
        return submission;
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

    private static String what(long id) {
        return ENTITY + " " + id;
    }

    /** Attachments are changed only while the submission may be edited. */
    public void requireEditable(Submission submission) {
        if (!Workflow.isEditable(submission.status)) {
            throw locked(submission, "A submission can be changed only while it is DRAFT or RETURNED.");
        }
    }

    /** Records that something the submission's representation shows (its attachments) changed. */
    public void touch(Submission submission) {
        submission.updatedAt = clock.now();
    }

    public SubmissionView view(Submission submission) {
        return views(List.of(submission)).get(0);
    }

    private SubmissionView move(long id, String ifMatch, SubmissionAction action, Act act,
            Consumer<Submission> effect) {
        Submission submission = lockForChange(id, act);
        SubmissionView current = view(submission);
        etags.requireMatch(ifMatch, current);
        SubmissionStatus next = Workflow.next(submission.status, action).orElseThrow(() -> ErrorCode.INVALID_TRANSITION.problem("A submission that is " + submission.status + " cannot be " + past(action) + ".")
                .with("allowedActions", current.allowedActions()));
        effect.accept(submission);
        submission.status = next;
        submission.updatedAt = clock.now();
        repository.flush();
        SubmissionView after = view(submission);
        audit.record(past(action), ENTITY, id, submission.subcommitteeId, current, after);
        return after;
    }

    private static String past(SubmissionAction action) {
        return switch (action) {
            case SUBMIT -> "submitted";
            case RETURN -> "returned";
            case ACCEPT -> "accepted";
            default -> action.wireName();
        };
    }

    private void apply(Submission s, Milestone milestone, Body body, Changes changes) {
        if (body.has("responsibilityId")) {
            long responsibilityId = body.id("responsibilityId");
            if (!milestone.responsibilityIds.contains(responsibilityId)) {
                throw ProblemException.invalid("responsibilityId", "must be one of the milestone's responsibilityIds");
            }
            repository.find(milestone.id, responsibilityId).filter(other -> !other.id.equals(s.id)).ifPresent(other -> {
                throw ErrorCode.SUBMISSION_EXISTS.problem("Submission " + other.id
                        + " is already the one for this milestone and responsibility.").with("conflictingId", other.id);
            });
            changes.set("responsibilityId", s.responsibilityId, responsibilityId, v -> s.responsibilityId = v);
        }
        changes.take(body, "title", s.title, v -> s.title = v);
        changes.take(body, "content", s.content, v -> s.content = v);
        s.derive();
    }

    private ProblemException locked(Submission submission, String detail) {
        return ErrorCode.SUBMISSION_LOCKED.problem(detail + " This one is " + submission.status + ".");
    }

    private List<SubmissionView> views(List<Submission> page) {
        List<Long> ids = page.stream().map(s -> s.id).toList();
        Map<Long, List<AttachmentView>> files = attachments.viewsBySubmission(ids);
        Set<Long> pending = comments.withPendingComments(ids);
        Set<Long> archived = subcommittees.archivedAmong(page.stream().map(s -> s.subcommitteeId).distinct().toList());
        Map<Long, SubmissionRepository.Holder> holders = repository.holdersOf(
                page.stream().map(s -> s.responsibilityId).distinct().toList());
        Caller caller = access.caller();
        return page.stream().map(s -> SubmissionView.of(s, files.getOrDefault(s.id, List.of()),
                Workflow.allowedActions(s.status, pending.contains(s.id), archived.contains(s.subcommitteeId),
                        permitted(caller, s.subcommitteeId, holders.get(s.responsibilityId).memberId())))).toList();
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
