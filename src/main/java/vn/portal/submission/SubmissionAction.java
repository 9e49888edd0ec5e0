package vn.portal.submission;

import java.util.Locale;

/** What may be done with a submission; the names are those of {@code allowedActions}. */
public enum SubmissionAction {
    SUBMIT, RETURN, ACCEPT, EDIT, DELETE, COMMENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
