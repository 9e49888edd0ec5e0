package vn.portal.progress;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.portal.common.csv.Csv;
import vn.portal.common.paging.Lists;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.QueryParams;
import vn.portal.common.paging.SortFields;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "Tiến độ: where the plan stands")
public class ProgressResource {

    @Inject
    ProgressService service;

    @Inject
    Lists lists;

    @GET
    @Path("subcommittees/{sid}/progress")
    @Operation(summary = "Where the plan stands", description = "Milestone counts (overdue; due within 7 days: today "
            + "to today + 6 in Asia/Ho_Chi_Minh), submissions by status and late, comments by disposition, and the "
            + "first " + ProgressView.MISSING_SHOWN + " expected (milestone, responsibility) pairs of a milestone not "
            + "CANCELLED that have no SUBMITTED or ACCEPTED submission, ordered by dueOn, milestoneId, "
            + "responsibilityId, with missingTotal counting them all (every one is at …/missing-submissions).")
    public ProgressView progress(@PathParam("sid") long subcommitteeId) {
        return service.progress(subcommitteeId);
    }

    @GET
    @Path("subcommittees/{sid}/missing-submissions")
    @Operation(summary = "Every missing submission, paged", description = "The progress view's missing pairs, all of "
            + "them, in the same order (dueOn, milestoneId, responsibilityId; there is no other sort). Filters "
            + "milestoneId, memberId, area (folded equality), overdue.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<ProgressView.Missing>> missing(@PathParam("sid") long subcommitteeId,
            @QueryParam("milestoneId") String milestoneId, @QueryParam("memberId") String memberId,
            @QueryParam("area") String area, @QueryParam("overdue") String overdue, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        MissingFilter filter = new MissingFilter(params.id("milestoneId", milestoneId), params.id("memberId", memberId),
                params.text("area", area), params.bool("overdue", overdue));
        return lists.answer(ProgressView.Missing.class, "missing-submissions-" + subcommitteeId,
                params.page(page, size, null, SortFields.byId()),
                request -> service.missing(subcommitteeId, filter, request));
    }
}
