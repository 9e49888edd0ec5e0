package vn.portal.responsibility;

/** The filters of a subcommittee's responsibility list; a null filter is not applied. */
public record ResponsibilityFilter(Long memberId, String area, ResponsibilityRole role, String q) {
}
