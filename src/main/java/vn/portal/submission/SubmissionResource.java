package vn.portal.submission;

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
@Tag(name = "Submissions", description = "What the sectors hand in for each milestone, and its review")
public class SubmissionResource {

    private static final String FILTERS = "Filters responsibilityId, area (folded equality), status, late, q (title). "
            + "Sort submittedAt, status, title, createdAt. Items leave out content.";

    @Inject
    SubmissionService service;

    @Inject
    Lists lists;

    @Inject
    JsonBodies json;

    @GET
    @Path("submissions")
    @Operation(summary = "List submissions across milestones", description = "Also filters subcommitteeId, milestoneId. " + FILTERS)
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<SubmissionSummary>> list(@QueryParam("subcommitteeId") String subcommitteeId,
            @QueryParam("milestoneId") String milestoneId, @QueryParam("responsibilityId") String responsibilityId,
            @QueryParam("area") String area, @QueryParam("status") String status, @QueryParam("late") String late,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        SubmissionFilter filter = new SubmissionFilter(params.id("subcommitteeId", subcommitteeId),
                params.id("milestoneId", milestoneId), params.id("responsibilityId", responsibilityId),
                params.text("area", area), params.enumValue("status", status, SubmissionStatus.class),
                params.bool("late", late), params.text("q", q));
        return lists.answer(SubmissionSummary.class, "submissions",
                params.page(page, size, sort, SubmissionService.SORT), request -> service.list(filter, request));
    }

    @GET
    @Path("milestones/{mid}/submissions")
    @Operation(summary = "List a milestone's submissions", description = FILTERS)
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<SubmissionSummary>> listForMilestone(@PathParam("mid") long milestoneId,
            @QueryParam("responsibilityId") String responsibilityId, @QueryParam("area") String area,
            @QueryParam("status") String status, @QueryParam("late") String late, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        SubmissionFilter filter = new SubmissionFilter(null, milestoneId, params.id("responsibilityId", responsibilityId),
                params.text("area", area), params.enumValue("status", status, SubmissionStatus.class),
                params.bool("late", late), params.text("q", q));
        return lists.answer(SubmissionSummary.class, "submissions-milestone-" + milestoneId,
                params.page(page, size, sort, SubmissionService.SORT),
                request -> service.listForMilestone(milestoneId, filter, request));
    }

    @POST
    @Idempotent
    @Path("milestones/{mid}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a submission (DRAFT) for a milestone", description = "For one of the milestone's responsibilities, by the subcommittee's HEAD, DEPUTY_HEAD, SECRETARY or SUPPORT_STAFF, or a MEMBER under a responsibility of their own; one submission per milestone and responsibility (409 SUBMISSION_EXISTS names it).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SubmissionCreate")))
    @APIResponse(responseCode = "201", description = "Created as DRAFT; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "SUBMISSION_EXISTS (conflictingId: the existing one); "
            + "SUBCOMMITTEE_ARCHIVED")
    public RestResponse<SubmissionView> create(@PathParam("mid") long milestoneId, byte[] body) {
        SubmissionView created = service.create(milestoneId, SubmissionRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/submissions/" + created.id(), created);
    }

    @GET
    @Path("submissions/{id}")
    @Operation(summary = "Read a submission", description = "With its content, attachments and the actions the caller may take now (allowedActions).")
    public SubmissionView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("submissions/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a DRAFT or RETURNED submission (JSON merge patch); status changes only by the actions", description = "Title and content; once SUBMITTED or ACCEPTED it is locked (409 SUBMISSION_LOCKED).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "SubmissionPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmissionPatch")) })
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "SUBMISSION_LOCKED: not DRAFT or RETURNED; SUBMISSION_EXISTS; "
            + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public SubmissionView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.update(id, SubmissionRequest.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @DELETE
    @Path("submissions/{id}")
    @Operation(summary = "Delete a DRAFT submission", description = "Once submitted it is kept (409 SUBMISSION_LOCKED).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "SUBMISSION_LOCKED: not DRAFT; SUBCOMMITTEE_ARCHIVED; "
            + "CONCURRENT_MODIFICATION")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("submissions/{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit: DRAFT or RETURNED → SUBMITTED", description = "The first submit decides late; "
            + "each submit after a return raises revision. The body may be left out.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmissionAction")))
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (allowedActions); SUBCOMMITTEE_ARCHIVED")
    public SubmissionView submit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        json.optional(body, SubmissionRequest.ACTION);
        return service.submit(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("submissions/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return for revision: SUBMITTED → RETURNED, with a reason", description = "By HEAD, DEPUTY_HEAD, SECRETARY or SUPPORT_STAFF; the reason is required and shown as returnReason. The next submit raises revision.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SubmissionReturn")))
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (allowedActions); SUBCOMMITTEE_ARCHIVED")
    public SubmissionView returnForRevision(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.returnForRevision(id, ReturnRequest.SPEC.parseCreate(json.read(body)), ifMatch);
    }

    @POST
    @Idempotent
    @Path("submissions/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept: SUBMITTED → ACCEPTED, once no comment is PENDING", description = "The body may be left out.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmissionAction")))
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "PENDING_COMMENTS; INVALID_TRANSITION (allowedActions); "
            + "SUBCOMMITTEE_ARCHIVED")
    public SubmissionView accept(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        json.optional(body, SubmissionRequest.ACTION);
        return service.accept(id, ifMatch);
    }
}
