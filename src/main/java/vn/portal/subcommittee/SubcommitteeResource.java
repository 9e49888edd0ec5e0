package vn.portal.subcommittee;

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
@Tag(name = "Subcommittees", description = "Tiểu ban: the working bodies of the Congress preparation")
public class SubcommitteeResource {

    @Inject
    SubcommitteeService service;

    @Inject
    Lists lists;

    @Inject
    JsonBodies json;

    @GET
    @Path("subcommittees")
    @Operation(summary = "List subcommittees", description = "Filters kind, status, q (code, name, congress). "
            + "Sort code, name, termStart, createdAt (prefix - for descending).")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<SubcommitteeView>> list(@QueryParam("kind") String kind,
            @QueryParam("status") String status,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        SubcommitteeFilter filter = new SubcommitteeFilter(params.enumValue("kind", kind, SubcommitteeKind.class),
                params.enumValue("status", status, SubcommitteeStatus.class), params.text("q", q));
        return lists.answer(SubcommitteeView.class, "subcommittees",
                params.page(page, size, sort, SubcommitteeService.SORT), request -> service.list(filter, request));
    }

    @POST
    @Idempotent
    @Path("subcommittees")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a subcommittee", description = "ADMIN only. The code is unique, compared ignoring case (409 CODE_TAKEN).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SubcommitteeCreate")))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubcommitteeView.class)))
    @APIResponse(responseCode = "409", description = "CODE_TAKEN: another subcommittee has this code (ignoring case)")
    public RestResponse<SubcommitteeView> create(byte[] body) {
        SubcommitteeView created = service.create(SubcommitteeRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/subcommittees/" + created.id(), created);
    }

    @GET
    @Path("subcommittees/{id}")
    @Operation(summary = "Read a subcommittee", description = "With its active head, if any; 404 for a caller who is not its member, ADMIN or AUDITOR.")
    public SubcommitteeView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("subcommittees/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a subcommittee (JSON merge patch)", description = "While ARCHIVED, the only change taken is status back to ACTIVE (409 SUBCOMMITTEE_ARCHIVED).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "SubcommitteePatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubcommitteePatch")) })
    @APIResponse(responseCode = "200", description = "Changed (or unchanged, when the patch changes nothing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubcommitteeView.class)))
    @APIResponse(responseCode = "409", description = "CODE_TAKEN; SUBCOMMITTEE_ARCHIVED: archived, and the patch does "
            + "more than set status back to ACTIVE; CONCURRENT_MODIFICATION")
    public SubcommitteeView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.update(id, SubcommitteeRequest.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @DELETE
    @Path("subcommittees/{id}")
    @Operation(summary = "Delete an empty subcommittee", description = "One that still has members, responsibilities or milestones stays (409 SUBCOMMITTEE_NOT_EMPTY): archive it instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "SUBCOMMITTEE_NOT_EMPTY: it has members, responsibilities or "
            + "milestones (archive it instead); SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }
}
