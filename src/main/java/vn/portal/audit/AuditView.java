package vn.portal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the audit trail. */
@Schema(name = "AuditEntry")
public record AuditView(
        long id,
        Instant occurredAt,
        @Schema(example = "secretary") String actor,
        @Schema(description = "created, updated, deleted, or the action's name (submitted, returned, accepted, disposed)",
                example = "returned") String action,
        @Schema(enumeration = { "subcommittee", "member", "responsibility", "milestone", "submission", "attachment",
                "comment", "user", "session", "agenda_item", "conclusion" }) String entityType,
        long entityId,
        @Schema(nullable = true, description = "null for users") Long subcommitteeId,
        List<Change> changes) {

    /** A field that changed; a long content shows as its length and SHA-256, a secret as "[hidden]". */
    @Schema(name = "AuditChange")
    public record Change(String field,
            @Schema(description = "Any JSON value, or null", nullable = true) JsonNode before,
            @Schema(description = "Any JSON value, or null", nullable = true) JsonNode after) {
    }
}
