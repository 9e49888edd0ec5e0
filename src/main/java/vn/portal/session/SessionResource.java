package vn.portal.session;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
@Tag(name = "Sessions", description = "Phiên họp: the subcommittee's meetings, their attendance, agenda and conclusions")
public class SessionResource {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String CLOSED = "SESSION_CLOSED: the session is CLOSED or CANCELLED; ";

    @Inject
    SessionService service;

    @Inject
    JsonBodies json;

    @Inject
    Lists lists;

    @GET
    @Path("subcommittees/{sid}/sessions")
    @Operation(summary = "List a subcommittee's sessions", description = "Filters status, from and to (inclusive "
            + "bounds of startsAt, instants with an offset), q (title, location). Sort startsAt (default), number.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<SessionView>> list(@PathParam("sid") long subcommitteeId,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        SessionFilter filter = new SessionFilter(params.enumValue("status", status, SessionStatus.class),
                params.instant("from", from), params.instant("to", to), params.text("q", q));
        return lists.answer(SessionView.class, "sessions-" + subcommitteeId,
                params.page(page, size, sort, SessionService.SORT), request -> service.list(subcommitteeId, filter, request));
    }

    @POST
    @Idempotent
    @Path("subcommittees/{sid}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a session", description = "PLANNED, with the next number of the subcommittee's "
            + "sessions; every active member is invited; the chair is the active HEAD unless named. By HEAD, "
            + "DEPUTY_HEAD, SECRETARY or SUPPORT_STAFF.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SessionCreate")))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "SUBCOMMITTEE_ARCHIVED")
    public RestResponse<SessionView> create(@PathParam("sid") long subcommitteeId, byte[] body) {
        SessionView created = service.create(subcommitteeId, SessionRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/sessions/" + created.id(), created);
    }

    @GET
    @Path("sessions/{id}")
    @Operation(summary = "Read a session", description = "With its attendance counts, quorumMet and the actions the caller may take now.")
    public SessionView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("sessions/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a session (JSON merge patch); status changes only by the actions",
            description = "Until it is CLOSED or CANCELLED.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "SessionPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionPatch")) })
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = CLOSED + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public SessionView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.update(id, SessionRequest.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @POST
    @Idempotent
    @Path("sessions/{id}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start: PLANNED → IN_PROGRESS", description = "By the HEAD, a DEPUTY_HEAD or the session's "
            + "chair. The body may be left out.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionAction")))
    @APIResponse(responseCode = "200", description = "Started", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (allowedActions); " + CLOSED
            + "SUBCOMMITTEE_ARCHIVED")
    public SessionView start(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        json.readOptional(body, SessionRequest.ACTION);
        return service.start(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("sessions/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close: IN_PROGRESS → CLOSED, applying every conclusion", description = "By the HEAD, a "
            + "DEPUTY_HEAD or the session's chair, once the minutes are written. In one transaction, each TASK "
            + "becomes a responsibility and each MILESTONE a plan milestone, under the rules that creating them "
            + "directly meets; if one fails, nothing is applied and the session stays IN_PROGRESS (the problem "
            + "names conclusionId). The body may be left out.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionAction")))
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "MINUTES_REQUIRED; RESPONSIBILITY_OVERLAP (conflictingId, "
            + "conclusionId); INVALID_TRANSITION (allowedActions); " + CLOSED + "SUBCOMMITTEE_ARCHIVED")
    public SessionView close(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        json.readOptional(body, SessionRequest.ACTION);
        return service.close(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("sessions/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel: PLANNED → CANCELLED, with a reason", description = "By the HEAD, a DEPUTY_HEAD or "
            + "the session's chair; the reason is shown as cancelReason.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SessionCancel")))
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (allowedActions); " + CLOSED
            + "SUBCOMMITTEE_ARCHIVED")
    public SessionView cancel(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return service.cancel(id, SessionRequest.CANCEL.parseCreate(json.read(body)), ifMatch);
    }

    @GET
    @Path("sessions/{id}/notice.docx")
    @Produces(DOCX)
    @Operation(summary = "The conclusions notice (thông báo kết luận) as a Word document", description = "The "
            + "subcommittee, the session's number and title, time (Asia/Ho_Chi_Minh), place, chair and attendance, "
            + "then its conclusions in order, grouped by agenda item. Whoever may read the session may read it.")
    @APIResponse(responseCode = "200", description = "The document, as an attachment named notice-session-{id}.docx",
            content = @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"notice-session-{id}.docx\"",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a query parameter (it takes none)")
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: the Accept header excludes " + DOCX)
    public Response notice(@PathParam("id") long id) {
        return Response.ok(service.notice(id), DOCX)
                .header("Content-Disposition", "attachment; filename=\"notice-session-" + id + ".docx\"").build();
    }

    @GET
    @Path("sessions/{id}/attendance")
    @Operation(summary = "Who was invited to a session and how they attended", description = "By member id, with the counts and quorumMet.")
    public AttendanceView attendance(@PathParam("id") long id) {
        return service.attendance(id);
    }

    @PUT
    @Path("sessions/{id}/attendance/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how an invited member attended", description = "Status and note, both replaced; "
            + "If-Match takes this attendance's ETag. Until the session is CLOSED or CANCELLED.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "AttendanceUpdate")))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendeeView.class)))
    @APIResponse(responseCode = "409", description = CLOSED + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public AttendeeView attend(@PathParam("id") long id, @PathParam("memberId") long memberId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return service.attend(id, memberId, SessionRequest.ATTENDANCE.parseCreate(json.read(body)), ifMatch);
    }
}
