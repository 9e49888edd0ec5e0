package vn.portal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import vn.portal.access.Access;
import vn.portal.access.Caller;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;

@ApplicationScoped
public class AuditService {

    /** The entity types, in the words the change feed also uses. */
    public static final List<String> ENTITY_TYPES = List.of("subcommittee", "member", "responsibility", "milestone",
            "submission", "attachment", "comment", "user", "session", "agenda_item", "conclusion");

    public static final SortFields ORDER = SortFields.newestFirst();

    @Inject
    Access access;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    /**
     * ADMIN and AUDITOR read the whole trail; the head, deputy heads, secretaries and support
     * staff of a subcommittee read the entries of its objects; anyone else may not read it.
     */
    @Transactional
    public PageView<AuditView> list(AuditFilter filter, PageRequest page) {
        Caller caller = access.caller();
        // the subcommittees the caller runs, as read at login; null when they read everything
        List<Long> managed = caller.seesEverything() ? null : caller.memberships().values().stream()
                .filter(m -> Access.MANAGERS.contains(m.role())).map(Caller.Membership::subcommitteeId).toList();
        if (managed != null && managed.isEmpty()) {
            throw new ProblemException(ErrorCode.FORBIDDEN,
                    "The audit trail is read by ADMIN, AUDITOR and the people who run a subcommittee.");
        }
        return Finder.of(AuditEntry.class)
                .where("e.subcommitteeId in :managed", "managed", managed)
                .where("e.entityType = :type", "type", filter.entityType())
                .where("e.entityId = :entityId", "entityId", filter.entityId())
                .where("e.subcommitteeId = :sid", "sid", filter.subcommitteeId())
                .where("e.actor = :actor", "actor", filter.actor())
                .where("e.occurredAt >= :from", "from", filter.from())
                .where("e.occurredAt <= :to", "to", filter.to())
                .page(em, page, entries -> entries.stream().map(this::view).toList());
    }

    private AuditView view(AuditEntry entry) {
        List<AuditView.Change> changes = new ArrayList<>();
        try {
            for (JsonNode change : mapper.readTree(entry.changes)) {
                changes.add(new AuditView.Change(change.path("field").asText(), change.get("before"), change.get("after")));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry " + entry.id + " holds JSON the trail itself wrote", e);
        }
        return new AuditView(entry.id, entry.occurredAt, entry.actor, entry.action, entry.entityType, entry.entityId,
                entry.subcommitteeId, changes);
    }
}
