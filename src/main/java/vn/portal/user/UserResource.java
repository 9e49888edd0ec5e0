package vn.portal.user;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import vn.portal.access.GlobalRole;
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
@Tag(name = "Users", description = "Logins: ADMIN writes, ADMIN and AUDITOR read; deactivated, never deleted")
public class UserResource {

    @Inject
    UserService service;

    @Inject
    Lists lists;

    @Inject
    JsonBodies json;

    @GET
    @Path("users")
    @Operation(summary = "List users (ADMIN, AUDITOR)", description = "Filters role, active, q (username, displayName). "
            + "Sort username, displayName, createdAt (prefix - for descending).")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<UserView>> list(@QueryParam("role") String role, @QueryParam("active") String active,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        UserFilter filter = new UserFilter(params.enumValue("role", role, GlobalRole.class), params.bool("active", active),
                params.text("q", q));
        return lists.answer(UserView.class, "users",
                params.page(page, size, sort, UserService.SORT), request -> service.list(filter, request));
    }

    @POST
    @Idempotent
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (ADMIN)", description = "A login for a person. The password is write-only (12–64 characters, never shown); a user without one signs in with a bearer token only. Users are deactivated, never deleted.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "UserCreate")))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "USERNAME_TAKEN (conflictingId)")
    public RestResponse<UserView> create(byte[] body) {
        UserView created = service.create(UserRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/users/" + created.id(), created);
    }

    @GET
    @Path("users/{id}")
    @Operation(summary = "Read a user (ADMIN, AUDITOR)", description = "The login, its global roles and whether it has a password (never the password itself).")
    public UserView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("users/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a user (ADMIN; JSON merge patch)", description = "Set active to false to deactivate; "
            + "a new password takes effect at once and forgets the remembered one.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "UserPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserPatch")) })
    @APIResponse(responseCode = "200", description = "Changed (or unchanged, when the patch changes nothing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "LAST_ADMIN: the only active ADMIN cannot lose the role or be "
            + "deactivated; CONCURRENT_MODIFICATION")
    public UserView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return service.update(id, UserPatch.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @GET
    @Path("me")
    @Operation(summary = "Who the caller is", description = "The caller's user, global roles and the subcommittees "
            + "where an active member record is linked to them, with its role.")
    public MeView me() {
        return service.me();
    }
}
