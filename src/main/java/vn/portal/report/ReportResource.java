package vn.portal.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.portal.access.Caller;
import vn.portal.common.paging.QueryParams;

@Path("/api/v1")
@Tag(name = "Reports", description = "The subcommittee's lists as a workbook, its plan as a picture")
public class ReportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SVG = "image/svg+xml";

    @Inject
    ReportService service;

    @GET
    @Path("subcommittees/{sid}/report.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The subcommittee's lists as one workbook", description = "Sheets Milestones, "
            + "Responsibilities, Submissions, Missing submissions and Comments, each with every row its list "
            + "holds, in the list's default order: real dates (instants as local time in Asia/Ho_Chi_Minh) and "
            + "numbers, a bold frozen header row. Written as a stream. Whoever may read the subcommittee may "
            + "read it.")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment named report-{sid}.xlsx",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"report-{sid}.xlsx\"",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a query parameter (it takes none)")
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: the Accept header excludes " + XLSX)
    public Response report(@PathParam("sid") long subcommitteeId) {
        Caller caller = service.requireReader(subcommitteeId);
        StreamingOutput body = out -> service.writeReport(subcommitteeId, caller, out);
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"report-" + subcommitteeId + ".xlsx\"")
                .build();
    }

    @GET
    @Path("subcommittees/{sid}/timeline.svg")
    @Produces(SVG)
    @Operation(summary = "The plan as a picture", description = "An SVG 1.1 drawing: one row per milestone due "
            + "within the axis, with its title and due date, a mark on the time axis coloured by status, overdue "
            + "ones outlined in red and labelled, today as a line, month ticks and a legend. from and to (dates, "
            + "inclusive) narrow the axis; by default it spans the due dates, padded.")
    @APIResponse(responseCode = "200", description = "The drawing", content = @Content(mediaType = SVG,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: from or to is not a date (YYYY-MM-DD), to "
            + "is before from, or an unknown query parameter; errors[] names it")
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: the Accept header excludes " + SVG)
    public String timeline(@PathParam("sid") long subcommitteeId,
            @Parameter(description = "The axis's first day (inclusive); milestones due before it are left out",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "The axis's last day (inclusive); milestones due after it are left out",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        QueryParams params = new QueryParams();
        LocalDate first = params.date("from", from);
        LocalDate last = params.date("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            params.reject("to", "must not be before from");
        }
        params.requireValid();
        return service.timeline(subcommitteeId, first, last).render();
    }
}
