package vn.portal.member;

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
import vn.portal.access.MemberRole;
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
@Tag(name = "Members", description = "Thành viên: the people of a subcommittee and their roles")
public class MemberResource {

    @Inject
    MemberService service;

    @Inject
    Lists lists;

    @Inject
    JsonBodies json;

    @GET
    @Path("subcommittees/{sid}/members")
    @Operation(summary = "List a subcommittee's members", description = "Filters role, active, q (fullName, position, "
            + "organization, email). Sort fullName, role, createdAt (prefix - for descending).")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<MemberView>> list(@PathParam("sid") long subcommitteeId,
            @QueryParam("role") String role,
            @QueryParam("active") String active, @QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        MemberFilter filter = new MemberFilter(params.enumValue("role", role, MemberRole.class),
                params.bool("active", active), params.text("q", q));
        return lists.answer(MemberView.class, "members-" + subcommitteeId,
                params.page(page, size, sort, MemberService.SORT),
                request -> service.list(subcommitteeId, filter, request));
    }

    @POST
    @Idempotent
    @Path("subcommittees/{sid}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member to a subcommittee", description = "HEAD, DEPUTY_HEAD, SECRETARY, SUPPORT_STAFF or ADMIN; only ADMIN or the HEAD makes a HEAD or DEPUTY_HEAD. One active HEAD per subcommittee; the email is unique within it, ignoring case.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "MemberCreate")))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "HEAD_ALREADY_ASSIGNED (conflictingId: the head); EMAIL_TAKEN "
            + "(conflictingId); USER_ALREADY_MEMBER; SUBCOMMITTEE_ARCHIVED")
    public RestResponse<MemberView> create(@PathParam("sid") long subcommitteeId, byte[] body) {
        MemberView created = service.create(subcommitteeId, MemberRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/members/" + created.id(), created);
    }

    @GET
    @Path("members/{id}")
    @Operation(summary = "Read a member", description = "Any member of the subcommittee, ADMIN or AUDITOR; 404 for anyone else.")
    public MemberView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("members/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a member (JSON merge patch)", description = "Only the fields sent change; null clears an optional one. Linking a login (userId) is for ADMIN only.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "MemberPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberPatch")) })
    @APIResponse(responseCode = "200", description = "Changed (or unchanged, when the patch changes nothing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "HEAD_ALREADY_ASSIGNED; EMAIL_TAKEN; USER_ALREADY_MEMBER; "
            + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public MemberView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return service.update(id, MemberRequest.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @DELETE
    @Path("members/{id}")
    @Operation(summary = "Remove a member who holds no responsibility", description = "A member who holds responsibilities stays (409 MEMBER_HAS_RESPONSIBILITIES): set active to false instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "MEMBER_HAS_RESPONSIBILITIES (set active to false instead); "
            + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }
}
