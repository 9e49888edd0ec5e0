package vn.portal.submission.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.portal.access.Access;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Writes;
import vn.portal.submission.Submission;
import vn.portal.submission.SubmissionGate;
import vn.portal.submission.SubmissionGate.Act;
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
    SubmissionGate gate;

    @Inject
    PortalClock clock;

    @Inject
    Access access;

    @Inject
    Writes writes;

    private final Kind<Comment, CommentView> kind = Kind.of(ENTITY, Comment.class, CommentView::of);

    @Transactional
    public PageView<CommentView> list(long submissionId, Disposition disposition, PageRequest page) {
        gate.requireVisible(submissionId);
        return Finder.of(Comment.class)
                .where("e.submissionId = :sid", "sid", submissionId)
                .where("e.disposition = :disposition", "disposition", disposition)
                .page(repository.getEntityManager(), page, list -> list.stream().map(CommentView::of).toList());
    }

    /** Every comment on the subcommittee's submissions, a page at a time; 404 when it cannot be seen. */
    @Transactional
    public PageView<CommentView> listInSubcommittee(long subcommitteeId, PageRequest page) {
        access.requireVisible(subcommitteeId, "subcommittee " + subcommitteeId);
        return Finder.of(Comment.class)
                .where("e.submissionId in (select s.id from Submission s where s.subcommitteeId = :sid)", "sid",
                        subcommitteeId)
                .page(repository.getEntityManager(), page, list -> list.stream().map(CommentView::of).toList());
    }

    @Transactional
    public CommentView get(long id) {
        Comment comment = repository.require(id);
        gate.requireVisible(comment.submissionId, kind.what(id));
        return CommentView.of(comment);
    }

    /** New comments only while the submission is SUBMITTED or RETURNED; each starts PENDING. */
    @Transactional
    public CommentView create(long submissionId, CommentRequest request) {
        return writes.create(kind,
                () -> gate.guard(submissionId, Act.COMMENT, SubmissionService.ENTITY + " " + submissionId), changes -> {
                    Submission submission = gate.require(submissionId);
                    if (!Workflow.takesComments(submission.status)) {
                        throw ErrorCode.COMMENTS_CLOSED.problem("Comments are taken while a submission is SUBMITTED "
                                + "or RETURNED; this one is " + submission.status + ".");
                    }
                    if (request.disposition() != null && request.disposition() != Disposition.PENDING) {
                        throw ProblemException.invalid("disposition", "must be PENDING for a new comment");
                    }
                    Comment comment = new Comment();
                    comment.submissionId = submissionId;
                    comment.body = request.body();
                    comment.section = request.section();
                    comment.rationale = request.rationale();
                    comment.authorUserId = access.caller().userId();
                    return comment;
                });
    }

    /** Records how a comment was dealt with, until its submission is accepted; never back to PENDING. */
    @Transactional
    public CommentView update(long id, CommentPatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch,
                () -> gate.guard(repository.submissionOf(id), Act.REVIEW, kind.what(id)), (comment, previous, changes) -> {
                    if (gate.require(comment.submissionId).status == SubmissionStatus.ACCEPTED) {
                        throw ErrorCode.COMMENTS_CLOSED.problem(
                                "The submission is ACCEPTED: how its comments were dealt with no longer changes.");
                    }
                    Disposition before = comment.disposition;
                    changes.take(patch.section(), comment.section, v -> comment.section = v);
                    changes.take(patch.disposition(), comment.disposition, v -> comment.disposition = v);
                    changes.take(patch.rationale(), comment.rationale, v -> comment.rationale = v);
                    if (comment.disposition == Disposition.PENDING && before != Disposition.PENDING) {
                        throw ProblemException.invalid("disposition",
                                "cannot go back to PENDING once the comment is dealt with");
                    }
                    if (comment.disposition.needsRationale()
                            && (comment.rationale == null || comment.rationale.isBlank())) {
                        throw ProblemException.invalid("rationale",
                                "is required when the disposition is " + comment.disposition);
                    }
                    if (comment.disposition != before) {
                        comment.disposedAt = clock.now();
                        comment.disposedByUserId = access.caller().userId();
                        changes.recordAs("disposed");
                    }
                });
    }
}
