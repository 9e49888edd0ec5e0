package vn.portal.subcommittee;

/** The filters of the subcommittee list; a null filter is not applied. */
public record SubcommitteeFilter(SubcommitteeKind kind, SubcommitteeStatus status, String q) {
}
