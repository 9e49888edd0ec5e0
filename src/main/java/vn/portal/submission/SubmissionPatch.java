package vn.portal.submission;

import vn.portal.common.json.Patch;

/** A merge patch of a DRAFT or RETURNED submission: each field absent, or sent with a value. */
public record SubmissionPatch(Patch<Long> responsibilityId, Patch<String> title, Patch<String> content) {
}
