package vn.portal.user;

import vn.portal.access.GlobalRole;

/** The filters of the user list; a null filter is not applied. */
public record UserFilter(GlobalRole role, Boolean active, String q) {
}
