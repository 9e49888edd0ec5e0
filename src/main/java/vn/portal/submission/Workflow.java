package vn.portal.submission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The review workflow: DRAFT → SUBMITTED → RETURNED ↔ SUBMITTED → ACCEPTED. Status changes only
 * through these moves; everything else a submission allows follows from its status.
 */
public final class Workflow {

    private Workflow() {
    }

    /** Where an action leads from a status, if it is allowed there. */
    public static Optional<SubmissionStatus> next(SubmissionStatus from, SubmissionAction action) {
        return Optional.ofNullable(switch (action) {
            case SUBMIT -> from == SubmissionStatus.DRAFT || from == SubmissionStatus.RETURNED ? SubmissionStatus.SUBMITTED : null;
            case RETURN -> from == SubmissionStatus.SUBMITTED ? SubmissionStatus.RETURNED : null;
            case ACCEPT -> from == SubmissionStatus.SUBMITTED ? SubmissionStatus.ACCEPTED : null;
            case EDIT, DELETE, COMMENT -> null;
        });
    }

    public static boolean isEditable(SubmissionStatus status) {
        return status == SubmissionStatus.DRAFT || status == SubmissionStatus.RETURNED;
    }

    public static boolean isDeletable(SubmissionStatus status) {
        return status == SubmissionStatus.DRAFT;
    }

    public static boolean takesComments(SubmissionStatus status) {
        return status == SubmissionStatus.SUBMITTED || status == SubmissionStatus.RETURNED;
    }

    /**
     * What can be done now: accept is left out while a comment is pending, everything while the
     * subcommittee is archived.
     */
    public static List<String> allowedActions(SubmissionStatus status, boolean pendingComments, boolean archived) {
        return allowedActions(status, pendingComments, archived, EnumSet.allOf(SubmissionAction.class));
    }

    /** As above, keeping only what the caller's role permits. */
    public static List<String> allowedActions(SubmissionStatus status, boolean pendingComments, boolean archived,
            Set<SubmissionAction> permitted) {
        List<String> allowed = new ArrayList<>();
        if (archived) {
            return allowed;
        }
        for (SubmissionAction action : SubmissionAction.values()) {
            boolean ok = permitted.contains(action) && switch (action) {
                case SUBMIT, RETURN -> next(status, action).isPresent();
                case ACCEPT -> next(status, action).isPresent() && !pendingComments;
                case EDIT -> isEditable(status);
                case DELETE -> isDeletable(status);
                case COMMENT -> takesComments(status);
            };
            if (ok) {
                allowed.add(action.wireName());
            }
        }
        return allowed;
    }
}
