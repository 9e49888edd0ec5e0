package vn.portal.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One event for one webhook: queued in feed order, attempted until it succeeds or is given up. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    public long webhookId;

    @Column(name = "event_id", nullable = false, updatable = false)
    public long eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    /** The {@code webhook-id} header: the same on every attempt and redelivery. */
    @Column(name = "message_id", nullable = false, updatable = false)
    public String messageId;

    /** The body, as sent on every attempt. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(nullable = false)
    public int attempts;

    /** The first attempt since it was queued or redelivered: the retry delays count from it. */
    @Column(name = "round_started_at")
    public Instant roundStartedAt;

    @Column(name = "last_response_status")
    public Integer lastResponseStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_duration_ms")
    public Long lastDurationMs;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The dispatcher's record of an attempt and an ADMIN's redelivery never overwrite each other. */
    @Version
    public long version;
}
