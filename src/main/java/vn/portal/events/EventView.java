package vn.portal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of the change feed. */
@Schema(name = "Event")
public record EventView(
        long id,
        @Schema(description = "<entityType>.<action>", example = "submission.submitted") String type,
        @Schema(enumeration = { "subcommittee", "member", "responsibility", "milestone", "submission", "attachment",
                "comment", "user", "session", "agenda_item", "conclusion" }) String entityType,
        long entityId,
        @Schema(nullable = true, description = "null for users") Long subcommitteeId,
        @Schema(description = "The user name of who made the change", example = "secretary") String actor,
        Instant occurredAt,
        @Schema(description = "The object's representation after the change (for a delete, before it), as its own "
                + "GET answers it, without allowedActions (which depend on who reads)") JsonNode data) {
}
