package vn.portal.submission;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The files of submissions, as a submission shows them and as its deletion takes them away. The
 * attachments feature implements it, so the submission needs nothing of it but this.
 */
public interface SubmissionFiles {

    /** The files of each of the given submissions, oldest first, in one query. */
    Map<Long, List<AttachmentView>> viewsBySubmission(Collection<Long> submissionIds);

    /** Takes a deleted submission's files off it. */
    void deleteOf(long submissionId);
}
