package vn.portal.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.portal.common.csv.Csv;
import vn.portal.common.paging.Lists;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.QueryParams;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, and when")
public class AuditResource {

    @Inject
    AuditService service;

    @Inject
    Lists lists;

    @GET
    @Path("audit")
    @Operation(summary = "Read the audit trail, newest first", description = "ADMIN and AUDITOR read every entry; the "
            + "head, deputy heads, secretaries and support staff of a subcommittee read its entries. Filters entityType, "
            + "entityId, subcommitteeId, actor (user name), from and to (inclusive instants with an offset).")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<AuditView>> list(@QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId,
            @QueryParam("subcommitteeId") String subcommitteeId, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        AuditFilter filter = new AuditFilter(params.word("entityType", entityType, AuditService.ENTITY_TYPES),
                params.id("entityId", entityId), params.id("subcommitteeId", subcommitteeId), params.text("actor", actor),
                params.instant("from", from), params.instant("to", to));
        return lists.answer(AuditView.class, "audit",
                params.page(page, size, null, AuditService.ORDER), request -> service.list(filter, request));
    }
}
