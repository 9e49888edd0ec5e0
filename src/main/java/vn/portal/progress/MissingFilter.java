package vn.portal.progress;

/** The filters of the missing-submissions list; null leaves one out. */
public record MissingFilter(Long milestoneId, Long memberId, String area, Boolean overdue) {

    public static final MissingFilter NONE = new MissingFilter(null, null, null, null);
}
