package vn.portal.responsibility;

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
@Tag(name = "Responsibilities", description = "Phân công nhiệm vụ: who leads and who supports each area and document section")
public class ResponsibilityResource {

    @Inject
    ResponsibilityService service;

    @Inject
    Lists lists;

    @Inject
    JsonBodies json;

    @GET
    @Path("subcommittees/{sid}/responsibilities")
    @Operation(summary = "List a subcommittee's responsibilities", description = "Filters memberId, area (folded "
            + "equality), role, q (title, area, documentSection). Sort area, documentSection, dueOn, createdAt.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<ResponsibilityView>> list(@PathParam("sid") long subcommitteeId,
            @QueryParam("memberId") String memberId, @QueryParam("area") String area, @QueryParam("role") String role,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        ResponsibilityFilter filter = new ResponsibilityFilter(params.id("memberId", memberId),
                params.text("area", area), params.enumValue("role", role, ResponsibilityRole.class), params.text("q", q));
        return lists.answer(ResponsibilityView.class, "responsibilities-" + subcommitteeId,
                params.page(page, size, sort, ResponsibilityService.SORT),
                request -> service.list(subcommitteeId, filter, request));
    }

    @POST
    @Idempotent
    @Path("subcommittees/{sid}/responsibilities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a responsibility", description = "To a member of the same subcommittee. At most one LEAD per area and document section, compared ignoring case and accents (409 RESPONSIBILITY_OVERLAP names the lead there).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ResponsibilityCreate")))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponsibilityView.class)))
    @APIResponse(responseCode = "409", description = "RESPONSIBILITY_OVERLAP (conflictingId: the existing lead); "
            + "SUBCOMMITTEE_ARCHIVED")
    public RestResponse<ResponsibilityView> create(@PathParam("sid") long subcommitteeId, byte[] body) {
        ResponsibilityView created = service.create(subcommitteeId,
                ResponsibilityRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/responsibilities/" + created.id(), created);
    }

    @GET
    @Path("subcommittees/{sid}/responsibility-matrix")
    @Operation(summary = "The responsibility matrix", description = "Groups by folded (area, documentSection), shown "
            + "with the first-created spelling; lists sections without a lead and active members without a task.")
    public ResponsibilityMatrix matrix(@PathParam("sid") long subcommitteeId) {
        return service.matrix(subcommitteeId);
    }

    @GET
    @Path("responsibilities/{id}")
    @Operation(summary = "Read a responsibility", description = "Any member of the subcommittee, ADMIN or AUDITOR; 404 for anyone else.")
    public ResponsibilityView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("responsibilities/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a responsibility (JSON merge patch)", description = "Only the fields sent change; the overlap rule holds after the change as on create.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "ResponsibilityPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ResponsibilityPatch")) })
    @APIResponse(responseCode = "200", description = "Changed (or unchanged, when the patch changes nothing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponsibilityView.class)))
    @APIResponse(responseCode = "409", description = "RESPONSIBILITY_OVERLAP (conflictingId); SUBCOMMITTEE_ARCHIVED; "
            + "CONCURRENT_MODIFICATION")
    public ResponsibilityView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.update(id, ResponsibilityRequest.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @DELETE
    @Path("responsibilities/{id}")
    @Operation(summary = "Delete a responsibility that nothing uses", description = "One that a milestone or a submission uses stays (409 RESPONSIBILITY_IN_USE).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "RESPONSIBILITY_IN_USE: a milestone or submission uses it; "
            + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }
}
