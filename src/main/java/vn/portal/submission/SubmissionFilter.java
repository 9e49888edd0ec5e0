package vn.portal.submission;

/** The filters of the submission lists; a null filter is not applied. */
public record SubmissionFilter(Long subcommitteeId, Long milestoneId, Long responsibilityId, String area,
        SubmissionStatus status, Boolean late, String q) {
}
