package vn.portal.events;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.portal.common.paging.QueryParams;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "The change feed: every change, oldest first, read on from a stored cursor")
public class EventResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    @Inject
    EventSequencer sequencer;

    @Inject
    EventFeed feed;

    @GET
    @Path("events")
    @Operation(summary = "Read the change feed from a cursor, oldest first", description = "Every change as an event, "
            + "typed <entityType>.<action>. Reading on from next never skips or repeats an event. Without after the feed "
            + "starts at the oldest event kept (events are kept 90 days). limit 1..500, default 100. ADMIN and AUDITOR "
            + "read every event; anyone else the events of the subcommittees they are a member of.")
    @APIResponse(responseCode = "200", description = "The events after the cursor (possibly none) and the cursor to "
            + "read on from", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedView.class)))
    @APIResponse(responseCode = "410", description = "CURSOR_EXPIRED: the cursor is older than the events kept; "
            + "start again without after")
    public FeedView list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        Long position = after == null ? null : EventCursor.position(after);
        if (after != null && position == null) {
            params.reject("after", "must be a cursor this feed gave as next");
        }
        int size = params.number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        params.requireValid();
        sequencer.catchUp();
        return feed.read(position, size);
    }
}
