package vn.portal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.portal.submission.SubmissionStatus.ACCEPTED;
import static vn.portal.submission.SubmissionStatus.DRAFT;
import static vn.portal.submission.SubmissionStatus.RETURNED;
import static vn.portal.submission.SubmissionStatus.SUBMITTED;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WorkflowTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "DRAFT,     SUBMIT,  SUBMITTED",
            "DRAFT,     RETURN,  ",
            "DRAFT,     ACCEPT,  ",
            "SUBMITTED, SUBMIT,  ",
            "SUBMITTED, RETURN,  RETURNED",
            "SUBMITTED, ACCEPT,  ACCEPTED",
            "RETURNED,  SUBMIT,  SUBMITTED",
            "RETURNED,  RETURN,  ",
            "RETURNED,  ACCEPT,  ",
            "ACCEPTED,  SUBMIT,  ",
            "ACCEPTED,  RETURN,  ",
            "ACCEPTED,  ACCEPT,  " })
    void everyMoveIsAllowedOnlyAlongTheWorkflow(SubmissionStatus from, SubmissionAction action, SubmissionStatus to) {
        assertEquals(Optional.ofNullable(to), Workflow.next(from, action));
    }

    @ParameterizedTest
    @EnumSource(SubmissionStatus.class)
    void editDeleteAndCommentNeverChangeTheStatus(SubmissionStatus from) {
        for (SubmissionAction action : List.of(SubmissionAction.EDIT, SubmissionAction.DELETE, SubmissionAction.COMMENT)) {
            assertEquals(Optional.empty(), Workflow.next(from, action), action.name());
        }
    }

    @ParameterizedTest(name = "{0}: editable {1}, deletable {2}, takes comments {3}")
    @CsvSource({
            "DRAFT,     true,  true,  false",
            "SUBMITTED, false, false, true",
            "RETURNED,  true,  false, true",
            "ACCEPTED,  false, false, false" })
    void editingOnlyInDraftOrReturnedDeletingOnlyInDraftCommentsOnlyWhileUnderReview(SubmissionStatus status,
            boolean editable, boolean deletable, boolean takesComments) {
        assertEquals(editable, Workflow.isEditable(status));
        assertEquals(deletable, Workflow.isDeletable(status));
        assertEquals(takesComments, Workflow.takesComments(status));
    }

    @Test
    void allowedActionsFollowTheStatusInTheirDeclaredOrder() {
        assertEquals(List.of("submit", "edit", "delete"), Workflow.allowedActions(DRAFT, false, false));
        assertEquals(List.of("return", "accept", "comment"), Workflow.allowedActions(SUBMITTED, false, false));
        assertEquals(List.of("submit", "edit", "comment"), Workflow.allowedActions(RETURNED, false, false));
        assertEquals(List.of(), Workflow.allowedActions(ACCEPTED, false, false));
    }

    @Test
    void acceptIsLeftOutWhileACommentIsPending() {
        assertEquals(List.of("return", "comment"), Workflow.allowedActions(SUBMITTED, true, false));
        assertEquals(List.of("submit", "edit", "comment"), Workflow.allowedActions(RETURNED, true, false));
        assertEquals(List.of("submit", "edit", "delete"), Workflow.allowedActions(DRAFT, true, false));
        assertEquals(List.of(), Workflow.allowedActions(ACCEPTED, true, false));
    }

    @ParameterizedTest
    @EnumSource(SubmissionStatus.class)
    void nothingIsAllowedWhileTheSubcommitteeIsArchived(SubmissionStatus status) {
        assertEquals(List.of(), Workflow.allowedActions(status, false, true));
        assertEquals(List.of(), Workflow.allowedActions(status, true, true));
    }

    @Test
    void theWireNamesAreTheLowerCaseActionNames() {
        assertEquals(List.of("submit", "return", "accept", "edit", "delete", "comment"),
                List.of(SubmissionAction.values()).stream().map(SubmissionAction::wireName).toList());
    }
}
