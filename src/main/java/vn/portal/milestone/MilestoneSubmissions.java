package vn.portal.milestone;

import java.util.Collection;
import java.util.List;

/** The submissions made for a milestone, as the milestone's own rules need them; the submissions feature knows. */
public interface MilestoneSubmissions {

    /** Whether anything was submitted for the milestone: then it is cancelled, not deleted. */
    boolean anyFor(long milestoneId);

    /** Of the given responsibilities, those with a submission for this milestone: they stay expected by it. */
    List<Long> submittingAmong(long milestoneId, Collection<Long> responsibilityIds);
}
