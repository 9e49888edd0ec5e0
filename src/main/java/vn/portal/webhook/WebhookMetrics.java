package vn.portal.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery machinery at {@code /q/metrics}: per webhook, the deliveries waiting
 * ({@code portal_webhook_deliveries{status="pending"}}: events not yet delivered) and those given up
 * ({@code status="failed"}). Counted by one grouped query every {@code portal.webhooks.metrics-every}.
 */
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    EntityManager em;

    private final MultiGauge deliveries;

    @Inject
    WebhookMetrics(MeterRegistry registry) {
        deliveries = MultiGauge.builder("portal.webhook.deliveries")
                .description("Deliveries per webhook: pending (events not yet delivered) and failed (given up)")
                .register(registry);
    }

    @Scheduled(every = "${portal.webhooks.metrics-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        refresh();
    }

    /** Counts again; a webhook with none of a status shows 0, a deleted one goes. */
    public void refresh() {
        Map<Long, long[]> counts = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Long id : em.createQuery("select w.id from Webhook w", Long.class).getResultList()) {
                counts.put(id, new long[2]);
            }
            for (Object[] row : em.createQuery("select d.webhookId, d.status, count(d) from WebhookDelivery d "
                    + "where d.status <> :done group by d.webhookId, d.status", Object[].class)
                    .setParameter("done", DeliveryStatus.SUCCEEDED).getResultList()) {
                long[] pair = counts.get((Long) row[0]);
                if (pair != null) {
                    pair[row[1] == DeliveryStatus.PENDING ? 0 : 1] = (Long) row[2];
                }
            }
        });
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((id, pair) -> {
            rows.add(MultiGauge.Row.of(Tags.of("webhook", id.toString(), "status", "pending"), pair[0]));
            rows.add(MultiGauge.Row.of(Tags.of("webhook", id.toString(), "status", "failed"), pair[1]));
        });
        deliveries.register(rows, true);
    }
}
