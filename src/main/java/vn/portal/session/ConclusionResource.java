package vn.portal.session;

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
@Tag(name = "Sessions")
public class ConclusionResource {

    private static final String CONFLICTS = "SESSION_CLOSED: the session is CLOSED or CANCELLED; "
            + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION";

    @Inject
    ConclusionService service;

    @Inject
    JsonBodies json;

    @Inject
    Lists lists;

    @GET
    @Path("sessions/{id}/conclusions")
    @Operation(summary = "List a session's conclusions", description = "In the order they were made (by id), "
            + "with what closing the session made of each (appliedEntityType, appliedEntityId).")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<ConclusionView>> list(@PathParam("id") long sessionId, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        return lists.answer(ConclusionView.class, "conclusions-" + sessionId, params.page(page, size, sort, ConclusionService.SORT),
                request -> service.list(sessionId, request));
    }

    @POST
    @Idempotent
    @Path("sessions/{id}/conclusions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a conclusion of a session", description = "By kind: INFORMATION and DECISION take "
            + "nothing more; TASK memberId, area and documentSection (role LEAD by default, title, dueOn), applied as "
            + "a responsibility when the session closes; MILESTONE title and dueOn (responsibilityIds), applied as a "
            + "plan milestone; ADOPTION is refused (400) while the service holds no documents. By HEAD, DEPUTY_HEAD, "
            + "SECRETARY or SUPPORT_STAFF, until the session is CLOSED or CANCELLED.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ConclusionCreate")))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConclusionView.class)))
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public RestResponse<ConclusionView> create(@PathParam("id") long sessionId, byte[] body) {
        ConclusionView created = service.create(sessionId, ConclusionRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/conclusions/" + created.id(), created);
    }

    @GET
    @Path("conclusions/{id}")
    @Operation(summary = "Read a conclusion")
    public ConclusionView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("conclusions/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a conclusion (JSON merge patch)", description = "The result must still be a whole "
            + "conclusion of its kind; until the session is CLOSED or CANCELLED.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "ConclusionPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConclusionPatch")) })
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConclusionView.class)))
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public ConclusionView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.update(id, ConclusionRequest.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @DELETE
    @Path("conclusions/{id}")
    @Operation(summary = "Delete a conclusion", description = "Until the session is CLOSED or CANCELLED.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }
}
