package vn.portal.webhook;

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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.csv.Csv;
import vn.portal.common.idempotency.Idempotent;
import vn.portal.common.json.JsonBodies;
import vn.portal.common.paging.Lists;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.QueryParams;
import vn.portal.common.web.MediaTypes;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "ADMIN: where each event is POSTed, signed as the Standard Webhooks specification "
        + "says (webhook-id, webhook-timestamp, webhook-signature), in order per webhook, retried for 24 h; the "
        + "delivery log and redelivery")
public class WebhookResource {

    @Inject
    WebhookService service;

    @Inject
    Lists lists;

    @Inject
    JsonBodies json;

    @Inject
    ETags etags;

    @GET
    @Path("webhooks")
    @Operation(summary = "List webhooks (ADMIN)", description = "Filter active. Sort createdAt, url (prefix - for "
            + "descending); by id by default. Never the secrets.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<WebhookView>> list(@QueryParam("active") String active, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        Boolean activeOnly = params.bool("active", active);
        return lists.answer(WebhookView.class, "webhooks", params.page(page, size, sort, WebhookService.SORT),
                request -> service.list(activeOnly, request));
    }

    @POST
    @Idempotent
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook (ADMIN)", description = "It receives the events that happen from now on, "
            + "of the eventTypes it names (all when empty; webhooks' own events never). The answer "
            + "shows the secret, the only one that does: keep it where the receiver verifies signatures. Each event is "
            + "POSTed as the change feed shows it, with webhook-id, webhook-timestamp, webhook-signature "
            + "(v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">) and X-Portal-Event.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "WebhookCreate")))
    @APIResponse(responseCode = "201", description = "Registered; Location names it. The secret is shown here once.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The webhook's ETag, as its GET answers it",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookSecretView.class)))
    public RestResponse<WebhookSecretView> create(byte[] body) {
        WebhookSecretView created = service.create(WebhookRequest.SPEC.parseCreate(json.read(body)));
        return RestResponse.ResponseBuilder.<WebhookSecretView>create(RestResponse.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/webhooks/" + created.id())
                .header(HttpHeaders.ETAG, etags.of(created.withoutSecret())).entity(created).build();
    }

    @GET
    @Path("webhooks/{id}")
    @Operation(summary = "Read a webhook (ADMIN)", description = "Never its secret.")
    public WebhookView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("webhooks/{id}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a webhook (ADMIN; JSON merge patch)", description = "url, eventTypes, active, "
            + "description; the secret changes by a rotation. A new eventTypes applies to events queued from then on. "
            + "active false stops deliveries (events meanwhile are not queued: the change feed has them); true again "
            + "clears disabledReason and queues the events that happen from then on, after those still waiting.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.MERGE_PATCH_JSON, schema = @Schema(ref = "WebhookPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookPatch")) })
    @APIResponse(responseCode = "200", description = "Changed (or unchanged, when the patch changes nothing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION")
    public WebhookView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        return service.update(id, WebhookPatch.SPEC.parsePatch(json.read(body)), ifMatch);
    }

    @DELETE
    @Path("webhooks/{id}")
    @Operation(summary = "Delete a webhook (ADMIN)", description = "With its delivery log; an attempt under way is not "
            + "recorded.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("webhooks/{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate a webhook's secret (ADMIN)", description = "A new secret, shown in this answer once. "
            + "For 24 h (until previousSecretExpiresAt) every delivery carries two signatures, space-separated: the new "
            + "secret's first, then the old one's; then the old secret is gone. A second rotation within the 24 h drops "
            + "the oldest secret at once. The body may be left out.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookRotation")))
    @APIResponse(responseCode = "200", description = "Rotated; the new secret is shown here once",
            headers = @Header(name = HttpHeaders.ETAG, description = "The webhook's ETag, as its GET answers it",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookSecretView.class)))
    @APIResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION")
    public RestResponse<WebhookSecretView> rotate(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        json.readOptional(body, WebhookActions.ROTATE);
        WebhookSecretView rotated = service.rotate(id, ifMatch);
        return RestResponse.ResponseBuilder.ok(rotated)
                .header(HttpHeaders.ETAG, etags.of(rotated.withoutSecret())).build();
    }

    @GET
    @Path("webhooks/{id}/deliveries")
    @Operation(summary = "A webhook's delivery log, newest first (ADMIN)", description = "One delivery per event it "
            + "received: its status, attempts and the last one's answer. Filter status.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<DeliveryView>> deliveries(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        DeliveryStatus only = params.enumValue("status", status, DeliveryStatus.class);
        return lists.answer(DeliveryView.class, "webhook-" + id + "-deliveries",
                params.page(page, size, sort, WebhookService.NEWEST_FIRST),
                request -> service.deliveries(id, only, request));
    }

    @GET
    @Path("webhooks/{id}/deliveries/{deliveryId}")
    @Operation(summary = "Read one delivery (ADMIN)")
    public DeliveryView delivery(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return service.delivery(id, deliveryId);
    }

    @GET
    @Path("webhooks/{id}/deliveries/{deliveryId}/attempts")
    @Operation(summary = "A delivery's attempts, oldest first (ADMIN)", description = "Each POST: when, the status "
            + "answered or the error, how long it took.")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    public RestResponse<PageView<AttemptView>> attempts(@PathParam("id") long id,
            @PathParam("deliveryId") long deliveryId, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        QueryParams params = new QueryParams();
        return lists.answer(AttemptView.class, "webhook-" + id + "-delivery-" + deliveryId + "-attempts",
                params.page(page, size, sort, WebhookService.OLDEST_FIRST),
                request -> service.attempts(id, deliveryId, request));
    }

    @POST
    @Idempotent
    @Path("webhooks/{id}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a delivery again (ADMIN)", description = "Whatever its status: tried at once, in its "
            + "place among the webhook's deliveries (before any newer one still waiting), with the whole retry schedule "
            + "before it and the same webhook-id. The body may be left out.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookRedelivery")))
    @APIResponse(responseCode = "200", description = "Queued (status PENDING)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public DeliveryView redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        json.readOptional(body, WebhookActions.REDELIVER);
        return service.redeliver(id, deliveryId, ifMatch);
    }
}
