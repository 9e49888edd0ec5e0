package vn.portal.submission;

import java.util.Collection;
import java.util.Set;

/**
 * Which submissions still have a comment nobody dealt with: such a one is not accepted. The
 * comments feature implements it, so the submission needs nothing of it but this.
 */
public interface PendingComments {

    /** Of the given submissions, those with at least one comment still PENDING, in one query. */
    Set<Long> among(Collection<Long> submissionIds);
}
