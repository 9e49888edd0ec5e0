package vn.portal.common.write;

import vn.portal.common.persistence.Changes;

/**
 * One write, as every cross-cutting step after it sees it: what was done ({@code created},
 * {@code updated}, {@code deleted}, or an action's name), to what, where, and the object's
 * representation before and after (null for what did not exist).
 */
public record Written(String action, String entityType, long entityId, Long subcommitteeId, Object before,
        Object after, Changes changes) {
}
