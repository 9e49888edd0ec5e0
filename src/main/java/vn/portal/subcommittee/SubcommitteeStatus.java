package vn.portal.subcommittee;

public enum SubcommitteeStatus {
    ACTIVE, ARCHIVED
}
