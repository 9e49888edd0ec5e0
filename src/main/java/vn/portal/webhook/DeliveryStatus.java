package vn.portal.webhook;

/** Where a delivery stands: waiting for its (next) attempt, answered with a 2xx, or given up. */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED
}
