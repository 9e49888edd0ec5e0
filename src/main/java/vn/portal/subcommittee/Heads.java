package vn.portal.subcommittee;

import java.util.Collection;
import java.util.Map;

/** Who heads each subcommittee, as a subcommittee's representation shows it; the members feature knows. */
public interface Heads {

    /** The active head's member id for each of the given subcommittees that has one, in one query. */
    Map<Long, Long> activeHeadMemberIds(Collection<Long> subcommitteeIds);
}
