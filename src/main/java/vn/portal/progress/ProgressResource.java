package vn.portal.progress;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "Tiến độ: where the plan stands")
public class ProgressResource {

    @Inject
    ProgressService service;

    @GET
    @Path("subcommittees/{sid}/progress")
    @Operation(summary = "Where the plan stands", description = "Milestone counts (overdue; due within 7 days: today "
            + "to today + 6 in Asia/Ho_Chi_Minh), submissions by status and late, comments by disposition, and every "
            + "expected (milestone, responsibility) of a milestone not CANCELLED that has no SUBMITTED or ACCEPTED "
            + "submission, ordered by dueOn, milestoneId, responsibilityId.")
    public ProgressView progress(@PathParam("sid") long subcommitteeId) {
        return service.progress(subcommitteeId);
    }
}
