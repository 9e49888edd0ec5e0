package vn.portal.submission;

/** Declared in the order lists sort by. */
public enum SubmissionStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED
}
