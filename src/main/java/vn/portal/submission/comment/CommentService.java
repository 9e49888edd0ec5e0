package vn.portal.submission.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.portal.access.Access;
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
import vn.portal.common.time.PortalClock;
import vn.portal.submission.Submission;
import vn.portal.submission.SubmissionService;
import vn.portal.submission.SubmissionStatus;
import vn.portal.submission.Workflow;

@ApplicationScoped
public class CommentService {

    public static final String ENTITY = "comment";

    public static final SortFields SORT = SortFields.byId()
            .enumField("disposition", "e.disposition", Disposition.class)
            .field("createdAt", "e.createdAt");

    @Inject
    CommentRepository repository;

    @Inject
    SubmissionService submissions;

    @Inject
    PortalClock clock;

    @Inject
    ETags etags;

    @Inject
    Access access;

    @Inject
    AuditTrail audit;

    @Transactional
    public PageView<CommentView> list(long submissionId, Disposition disposition, PageRequest page) {
        submissions.requireVisible(submissionId);
        return Finder.of(Comment.class)
                .where("e.submissionId = :sid", "sid", submissionId)
                .where("e.disposition = :disposition", "disposition", disposition)
                .page(repository.getEntityManager(), page, list -> list.stream().map(CommentView::of).toList());
    }

    @Transactional
    public CommentView get(long id) {
        Comment comment = repository.require(id);
        submissions.requireVisible(comment.submissionId, what(id));
        return CommentView.of(comment);
    }

    /** New comments only while the submission is SUBMITTED or RETURNED; each starts PENDING. */
    @Transactional
    public CommentView create(long submissionId, Body body) {
        Submission submission = submissions.lockForChange(submissionId, SubmissionService.Act.COMMENT);
        if (!Workflow.takesComments(submission.status)) {
            throw ErrorCode.COMMENTS_CLOSED.problem("Comments are taken while a submission is SUBMITTED or RETURNED; this one is " + submission.status + ".");
        }
        if (body.has("disposition") && body.value("disposition") != Disposition.PENDING) {
            throw ProblemException.invalid("disposition", "must be PENDING for a new comment");
        }
        Comment comment = new Comment();
        comment.submissionId = submissionId;
        comment.body = body.value("body");
        comment.section = body.value("section");
        comment.rationale = body.value("rationale");
        comment.authorUserId = access.caller().userId();
        comment.created(clock.now());
        repository.persist(comment);
        repository.flush();
        CommentView view = CommentView.of(comment);
        audit.created(ENTITY, comment.id, submission.subcommitteeId, view);
        return view;
    }

    /** Records how a comment was dealt with, until its submission is accepted; never back to PENDING. */
    @Transactional
    public CommentView update(long id, Body body, String ifMatch) {
        Submission submission = submissions.lockForChange(repository.submissionOf(id), SubmissionService.Act.REVIEW,
                what(id));
        Comment comment = repository.require(id);
        CommentView previous = CommentView.of(comment);
        etags.requireMatch(ifMatch, previous);
        if (submission.status == SubmissionStatus.ACCEPTED) {
            throw ErrorCode.COMMENTS_CLOSED.problem("The submission is ACCEPTED: how its comments were dealt with no longer changes.");
        }
        Disposition before = comment.disposition;
        Changes changes = new Changes();
        changes.take(body, "section", comment.section, v -> comment.section = v);
        changes.take(body, "disposition", comment.disposition, v -> comment.disposition = v);
        changes.take(body, "rationale", comment.rationale, v -> comment.rationale = v);
        if (comment.disposition == Disposition.PENDING && before != Disposition.PENDING) {
            throw ProblemException.invalid("disposition", "cannot go back to PENDING once the comment is dealt with");
        }
        if (comment.disposition.needsRationale() && (comment.rationale == null || comment.rationale.isBlank())) {
            throw ProblemException.invalid("rationale", "is required when the disposition is " + comment.disposition);
        }
        if (comment.disposition != before) {
            comment.disposedAt = clock.now();
            comment.disposedByUserId = access.caller().userId();
        }
        if (!changes.isEmpty()) {
            comment.updatedAt = clock.now();
        }
        repository.flush();
        CommentView after = CommentView.of(comment);
        audit.record(comment.disposition != before ? "disposed" : "updated", ENTITY, id, submission.subcommitteeId,
                previous, after);
        return after;
    }

    private static String what(long id) {
        return ENTITY + " " + id;
    }
}
