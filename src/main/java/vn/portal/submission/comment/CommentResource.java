package vn.portal.submission.comment;

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
@Tag(name = "Comments", description = "Ý kiến góp ý on submissions, and how each was dealt with")
public class CommentResource {

    @Inject
    CommentService service;

    @Inject
    Lists lists;

    @Inject
    JsonBodies json;

    @GET
    @Path("submissions/{id}/comments")
    @Operation(summary = "List a submission's comments", description = "Filter disposition. Sort disposition, createdAt.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<CommentView>> list(@PathParam("id") long submissionId,
            @QueryParam("disposition") String disposition,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        Disposition filter = params.enumValue("disposition", disposition, Disposition.class);
        return lists.answer(CommentView.class, "comments-submission-" + submissionId,
                params.page(page, size, sort, CommentService.SORT),
                request -> service.list(submissionId, filter, request));
    }

    @POST
    @Idempotent
    @Path("submissions/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a SUBMITTED or RETURNED submission", description = "A new comment is PENDING; its body never changes afterwards. Other submissions are closed to comments (409 COMMENTS_CLOSED).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "CommentCreate")))
    @APIResponse(responseCode = "201", description = "Created, PENDING; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "409", description = "COMMENTS_CLOSED: the submission is DRAFT or ACCEPTED; "
            + "SUBCOMMITTEE_ARCHIVED")
    public RestResponse<CommentView> create(@PathParam("id") long submissionId, byte[] body) {
        CommentView created = service.create(submissionId, CommentRequest.SPEC.parseCreate(json.read(body)));
        return Created.at("/api/v1/comments/" + created.id(), created);
    }

    @GET
    @Path("comments/{id}")
    @Operation(summary = "Read a comment", description = "With how it was dealt with, by whom and when.")
    public CommentView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("comments/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Record how a comment was dealt with (JSON merge patch)", description = "INCORPORATED, EXPLAINED or REJECTED (the last two with a rationale), never back to PENDING; it can change until the submission is ACCEPTED.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "CommentDispositionPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentDispositionPatch")) })
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "409", description = "COMMENTS_CLOSED: the submission is ACCEPTED; "
            + "SUBCOMMITTEE_ARCHIVED; CONCURRENT_MODIFICATION")
    public CommentView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return service.update(id, CommentPatch.SPEC.parsePatch(json.read(body)), ifMatch);
    }
}
