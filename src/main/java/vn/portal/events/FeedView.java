package vn.portal.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stretch of the change feed, oldest first, and the cursor to read on from. */
@Schema(name = "EventFeed")
public record FeedView(
        List<EventView> items,
        @Schema(description = "Opaque: pass it as after to read on; it is the same cursor when nothing new was there",
                example = "djE6MTI") String next) {
}
