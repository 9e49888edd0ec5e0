package vn.portal.submission.attachment;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.idempotency.Idempotent;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.web.Created;
import vn.portal.submission.AttachmentView;

@Path("/api/v1")
@Tag(name = "Attachments", description = "Files attached to a submission")
public class AttachmentResource {

    @Inject
    AttachmentService service;

    /** Documents the multipart body: one part named file. */
    @Schema(name = "AttachmentUpload")
    public record Upload(@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            format = "binary", description = "pdf, doc, docx, xls, xlsx, odt, ods, csv, png or jpeg; at most 20 MiB")
            String file) {
    }

    @POST
    @Idempotent
    @Path("submissions/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a file to a DRAFT or RETURNED submission", description = "The type is decided by "
            + "the bytes; the name's extension must agree. The name keeps its letters but loses any path.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "201", description = "Stored; Location is its download", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "409", description = "SUBMISSION_LOCKED: not DRAFT or RETURNED; SUBCOMMITTEE_ARCHIVED")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: the file is over 20 MiB")
    @APIResponse(responseCode = "415", description = "FILE_TYPE_NOT_ALLOWED: the bytes are not an allowed type or "
            + "disagree with the extension; UNSUPPORTED_MEDIA_TYPE: not multipart/form-data")
    public RestResponse<AttachmentView> upload(@PathParam("id") long submissionId,
            @RestForm("file") List<FileUpload> files) {
        if (files == null || files.size() != 1) {
            throw ProblemException.invalid("file", "exactly one part named file is required");
        }
        FileUpload file = files.get(0);
        AttachmentView stored = service.upload(submissionId, file.uploadedFile(), file.fileName());
        return Created.at("/api/v1/submissions/" + submissionId + "/attachments/" + stored.id(), stored);
    }

    @GET
    @Path("submissions/{id}/attachments/{aid}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment's exact bytes", description = "With the detected type and a "
            + "Content-Disposition carrying the UTF-8 file name (RFC 6266, RFC 5987).")
    @APIResponse(responseCode = "200", description = "The file, with the type detected when it was stored (each is "
            + "listed by DownloadTypes)")
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the file's ETag")
    public Response download(@PathParam("id") long submissionId, @PathParam("aid") long attachmentId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        AttachmentService.Download download = service.download(submissionId, attachmentId);
        AttachmentView attachment = download.attachment();
        String tag = AttachmentService.tagOf(attachment.sha256());
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, tag, true)) {
            closeQuietly(download);
            return Response.notModified().header(HttpHeaders.ETAG, tag).build();
        }
        return Response.ok(download.bytes(), attachment.contentType())
                .header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CONTENT_LENGTH, attachment.size())
                .header("Content-Disposition", FileNames.contentDisposition(attachment.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @DELETE
    @Path("submissions/{id}/attachments/{aid}")
    @Operation(summary = "Remove an attachment from a DRAFT or RETURNED submission", description = "By whoever may edit the submission; it changes the submission's ETag.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "SUBMISSION_LOCKED; SUBCOMMITTEE_ARCHIVED")
    public void delete(@PathParam("id") long submissionId, @PathParam("aid") long attachmentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(submissionId, attachmentId, ifMatch);
    }

    private static void closeQuietly(AttachmentService.Download download) {
        try {
            download.bytes().close();
        } catch (java.io.IOException ignored) {
            // nothing was sent from it
        }
    }
}
