package vn.portal.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import vn.portal.common.persistence.TrackedEntity;

/** Where the service POSTs the events of the types it takes, signed with its secret. */
@Entity
@Table(name = "webhook")
public class Webhook extends TrackedEntity {

    @Column(nullable = false)
    public String url;

    /** The event types it takes, comma-separated; empty: every type. */
    @Column(name = "event_types", nullable = false)
    String storedEventTypes = "";

    @Column(nullable = false)
    public boolean active = true;

    public String description;

    /** Why the service turned it off (a 410 answer); null while active or turned off by hand. */
    @Column(name = "disabled_reason")
    public String disabledReason;

    /** The signing key, {@code whsec_} + base64: never shown after the answer that made it. */
    @Column(nullable = false)
    String secret;

    /** The key before the last rotation, also signing until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    String previousSecret;

    @Column(name = "previous_secret_until")
    Instant previousSecretUntil;

    /*
     * The delivery machinery's own columns: set at insert, then only by bulk updates (the dispatcher's, a
     * reactivation's), never by flushing a loaded webhook, so that an ADMIN's change made meanwhile cannot
     * write back a cursor or a lease it read before, and the machinery never bumps the webhook's version.
     */

    /** The last feed position whose events were queued for it. */
    @Column(name = "feed_cursor", nullable = false, updatable = false)
    long feedCursor;

    @Column(name = "lease_owner", updatable = false)
    String leaseOwner;

    @Column(name = "lease_until", updatable = false)
    Instant leaseUntil;

    public List<String> eventTypes() {
        return storedEventTypes.isEmpty() ? List.of() : Arrays.asList(storedEventTypes.split(","));
    }

    void setEventTypes(List<String> types) {
        storedEventTypes = String.join(",", types);
    }

    /** Whether it takes events of this type. */
    boolean takes(String type) {
        return storedEventTypes.isEmpty() || eventTypes().contains(type);
    }

    /** The previous key while it still signs, else null. */
    String previousSecretAt(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? previousSecret : null;
    }
}
