package vn.portal.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the user, their global roles, and the subcommittees where an active member
 * record is linked to them, with that member's role. Resolved once per request.
 */
public record Caller(long userId, String username, String displayName, Set<GlobalRole> roles,
        Map<Long, Membership> memberships) {

    /** The name under which the caller travels as an attribute of the request's security identity. */
    public static final String ATTRIBUTE = "portal.caller";

    public record Membership(long subcommitteeId, String subcommitteeName, long memberId, MemberRole role) {
    }

    public Caller {
        roles = Set.copyOf(roles);
        memberships = Map.copyOf(memberships);
    }

    public boolean isAdmin() {
        return roles.contains(GlobalRole.ADMIN);
    }

    /** ADMIN and AUDITOR see every subcommittee; anyone else only their own. */
    public boolean seesEverything() {
        return isAdmin() || roles.contains(GlobalRole.AUDITOR);
    }

    public Optional<Membership> in(long subcommitteeId) {
        return Optional.ofNullable(memberships.get(subcommitteeId));
    }

    public boolean sees(long subcommitteeId) {
        return seesEverything() || memberships.containsKey(subcommitteeId);
    }
}
