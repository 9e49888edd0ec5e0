package vn.portal.session;

import java.time.Instant;

/** The filters of a subcommittee's session list; a null filter is not applied. {@code from} and {@code to} bound startsAt, inclusive. */
public record SessionFilter(SessionStatus status, Instant from, Instant to, String q) {
}
