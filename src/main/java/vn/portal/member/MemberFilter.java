package vn.portal.member;

import vn.portal.access.MemberRole;

/** The filters of a subcommittee's member list; a null filter is not applied. */
public record MemberFilter(MemberRole role, Boolean active, String q) {
}
