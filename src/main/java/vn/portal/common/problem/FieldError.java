package vn.portal.common.problem;

/** One field's complaint, named by its JSON path (`responsibilityIds[2]`) or query parameter. */
public record FieldError(String field, String message) {
}
