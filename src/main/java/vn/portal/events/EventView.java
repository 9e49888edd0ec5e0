package vn.portal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of the change feed. */
@Schema(name = "Event")
public record EventView(
        long id,
        @Schema(description = "<entityType>.<action>", example = "submission.submitted") String type,
        String entityType,
        long entityId,
        @Schema(nullable = true, description = "null for users and webhooks (which ADMIN and AUDITOR see)") Long subcommitteeId,
        @Schema(description = "The user name of who made the change; system for the deadline reminders "
                + "(milestone.due_soon, milestone.overdue) and for a webhook the service turned off, which no user "
                + "makes", example = "secretary") String actor,
        Instant occurredAt,
        @Schema(description = "The object's representation after the change (for a delete, before it), as its own "
                + "GET answers it, without allowedActions (which depend on who reads)") JsonNode data) {
}
