package vn.portal.backup;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Backup", description = "A consistent copy of the embedded database and the attached files, taken while the "
        + "service runs")
public class BackupResource {

    static final String ZIP = "application/zip";

    @Inject
    BackupService service;

    @POST
    @Path("backup")
    @Produces(ZIP)
    @Operation(summary = "Back up the embedded H2 database and the attached files (ADMIN)", description = "Taken while "
            + "the service runs: everything committed before the request is in it, and no write by half. The zip is laid "
            + "out like the data directory (the database file, files/…): to restore, stop the service, unzip it into "
            + "an empty directory and start the service with PORTAL_DATA_DIR pointing there.")
    @APIResponse(responseCode = "200", description = "The backup, streamed", headers = @Header(name = "Content-Disposition",
            description = "attachment; filename=\"portal-backup-20200220T013000Z.zip\" (the time it was taken, UTC)",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = ZIP,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: the Accept header excludes application/zip")
    @APIResponse(responseCode = "409", description = "BACKUP_NOT_AVAILABLE: the database is not the embedded H2 file "
            + "(on PostgreSQL, back up with pg_dump, then copy the attached files)")
    public Response backup() {
        BackupService.Backup backup = service.take();
        StreamingOutput zip = out -> service.write(backup, out);
        return Response.ok(zip, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + backup.fileName() + "\"")
                .build();
    }
}
