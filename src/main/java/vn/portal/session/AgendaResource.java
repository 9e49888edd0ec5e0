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
public class AgendaResource {

    private static final String CONFLICTS = "SESSION_CLOSED: the session is CLOSED or CANCELLED; "
            + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION";

    @Inject
    AgendaService service;

    @Inject
    JsonBodies json;

    @Inject
    Lists lists;

    @GET
    @Path("sessions/{id}/agenda-items")
    @Operation(summary = "List a session's agenda", description = "By position (default), 1..n without gaps.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<AgendaItemView>> list(@PathParam("id") long sessionId, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        return lists.answer(AgendaItemView.class, "agenda-" + sessionId, params.page(page, size, sort, AgendaService.SORT),
                request -> service.list(sessionId, request));
    }

    @POST
    @Idempotent
    @Path("sessions/{id}/agenda-items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an item to a session's agenda", description = "At position (the end by default); the "
            + "items from there on move down one. By HEAD, DEPUTY_HEAD, SECRETARY or SUPPORT_STAFF.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "AgendaItemCreate")))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgendaItemView.class)))
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public RestResponse<AgendaItemView> create(@PathParam("id") long sessionId, byte[] body) {
        AgendaItemView created = service.create(sessionId, AgendaItemRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/agenda-items/" + created.id(), created);
    }

    @GET
    @Path("agenda-items/{id}")
    @Operation(summary = "Read an agenda item")
    public AgendaItemView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("agenda-items/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change or move an agenda item (JSON merge patch)", description = "A new position moves it; "
            + "the items between its old and new place shift by one.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "AgendaItemPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AgendaItemPatch")) })
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgendaItemView.class)))
    @APIResponse(responseCode = "409", description = CONFLICTS)
    public AgendaItemView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.update(id, AgendaItemRequest.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @DELETE
    @Path("agenda-items/{id}")
    @Operation(summary = "Take an item off the agenda", description = "The items after it move up one; not while "
            + "a conclusion names it (409 AGENDA_ITEM_IN_USE).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "AGENDA_ITEM_IN_USE; " + CONFLICTS)
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }
}
