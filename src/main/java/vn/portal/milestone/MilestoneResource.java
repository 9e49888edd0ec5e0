package vn.portal.milestone;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.portal.common.csv.Csv;
import vn.portal.common.idempotency.Idempotent;
import vn.portal.common.json.JsonBodies;
import vn.portal.common.paging.Lists;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.QueryParams;
import vn.portal.common.web.Created;
import vn.portal.common.web.MediaTypes;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "Kế hoạch: the plan's dated milestones")
public class MilestoneResource {

    @Inject
    MilestoneService service;

    @Inject
    JsonBodies json;

    @Inject
    Lists lists;

    @GET
    @Path("subcommittees/{sid}/milestones")
    @Operation(summary = "List a subcommittee's plan milestones", description = "Filters status, overdue, dueFrom, "
            + "dueTo (inclusive), q (title). Sort dueOn (default), title, status, createdAt.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<MilestoneView>> list(@PathParam("sid") long subcommitteeId,
            @QueryParam("status") String status,
            @QueryParam("overdue") String overdue, @QueryParam("dueFrom") String dueFrom,
            @QueryParam("dueTo") String dueTo, @QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        MilestoneFilter filter = new MilestoneFilter(params.enumValue("status", status, MilestoneStatus.class),
                params.bool("overdue", overdue), params.date("dueFrom", dueFrom), params.date("dueTo", dueTo),
                params.text("q", q));
        return lists.answer(MilestoneView.class, "milestones-" + subcommitteeId,
                params.page(page, size, sort, MilestoneService.SORT),
                request -> service.list(subcommitteeId, filter, request));
    }

    @POST
    @Idempotent
    @Path("subcommittees/{sid}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a milestone to the plan", description = "With the responsibilities expected to submit for it (all of the same subcommittee); status PLANNED unless given.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "MilestoneCreate")))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "409", description = "SUBCOMMITTEE_ARCHIVED")
    public RestResponse<MilestoneView> create(@PathParam("sid") long subcommitteeId, byte[] body) {
        MilestoneView created = service.create(subcommitteeId, MilestoneRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/milestones/" + created.id(), created);
    }

    @GET
    @Path("milestones/{id}")
    @Operation(summary = "Read a milestone", description = "With overdue worked out for today (Asia/Ho_Chi_Minh).")
    public MilestoneView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("milestones/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a milestone (JSON merge patch)", description = "Becoming DONE sets completedOn, leaving DONE clears it. A responsibility that already has a submission for this milestone cannot be taken off it (409 RESPONSIBILITY_IN_USE).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "MilestonePatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MilestonePatch")) })
    @APIResponse(responseCode = "200", description = "Changed (or unchanged, when the patch changes nothing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "409", description = "RESPONSIBILITY_IN_USE: a removed responsibility has a submission "
            + "for this milestone; SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public MilestoneView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.update(id, MilestoneRequest.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @DELETE
    @Path("milestones/{id}")
    @Operation(summary = "Delete a milestone", description = "Only while it has no submission (409 MILESTONE_HAS_SUBMISSIONS).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "MILESTONE_HAS_SUBMISSIONS; SUBCOMMITTEE_ARCHIVED; "
            + "CONCURRENT_MODIFICATION")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }
}
