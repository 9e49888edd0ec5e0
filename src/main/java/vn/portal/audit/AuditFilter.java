package vn.portal.audit;

import java.time.Instant;

/** The filters of the audit trail; a null filter is not applied. {@code from} and {@code to} are inclusive. */
public record AuditFilter(String entityType, Long entityId, Long subcommitteeId, String actor, Instant from,
        Instant to) {
}
