package vn.portal.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.portal.access.Access;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Scope;

/**
 * The one way in to a submission for what belongs to it, its files and its comments: who may
 * touch them (by the {@link Act}), the submission they go into, whether it takes them now.
 */
@ApplicationScoped
public class SubmissionGate {

    /** Who may change a submission, or something of it, for a given act. */
    public enum Act {
        /** Edit, submit, delete; add or remove files: the responsibility's holder or a manager. */
        EDIT,
        /** Return, accept, dispose of comments: a manager. */
        REVIEW,
        /** Comment: any member of the subcommittee. */
        COMMENT
    }

    @Inject
    SubmissionRepository repository;

    @Inject
    Access access;

    @Inject
    PortalClock clock;

    /**
     * The write path's guard for a change to the submission or to something of it: checks that the
     * caller may do {@code act} (404 when they cannot see it, 403 when they may not) and names the
     * subcommittee to lock. {@code what} names the object for the 404 ("comment 7").
     */
    public Scope guard(long submissionId, Act act, String what) {
        SubmissionRepository.Owner owner = repository.ownerOf(submissionId);
        long subcommitteeId = owner.subcommitteeId();
        switch (act) {
            case EDIT -> access.requireSubmissionEditor(subcommitteeId, owner.memberId(), what);
            case REVIEW -> access.requireManager(subcommitteeId, what);
            case COMMENT -> access.requireCommenter(subcommitteeId, what);
        }
        return Scope.inside(subcommitteeId);
    }

    /** The submission a write goes into, read once its subcommittee is locked. */
    public Submission require(long submissionId) {
        return repository.require(submissionId);
    }

    /** The submission a read of its files or comments goes into; 404 when the caller cannot see it. */
    public Submission requireVisible(long submissionId, String what) {
        Submission submission = repository.require(submissionId);
        access.requireVisible(submission.subcommitteeId, what);
        return submission;
    }

    public Submission requireVisible(long submissionId) {
        return requireVisible(submissionId, SubmissionService.ENTITY + " " + submissionId);
    }

    /** Files are changed only while the submission may be edited. */
    public Submission requireEditable(Submission submission) {
        if (!Workflow.isEditable(submission.status)) {
            throw SubmissionService.locked(submission, "A submission can be changed only while it is DRAFT or RETURNED.");
        }
        return submission;
    }

    /** Records that something the submission's representation shows (its files) changed. */
    public void touch(Submission submission) {
        submission.touched(clock.now());
    }
}
