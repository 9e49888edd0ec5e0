package vn.portal.common.json;

/** The body of an action that takes no fields (submit, accept): when sent, it must be an empty object. */
public record NoFields() {
}
