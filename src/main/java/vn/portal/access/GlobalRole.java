package vn.portal.access;

/** A role that holds across every subcommittee, unlike a member's role, which holds inside one. */
public enum GlobalRole {
    /** May do everything. */
    ADMIN,
    /** May read everything and change nothing. */
    AUDITOR
}
