package vn.portal.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.text.TextFold;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;
import vn.portal.milestone.MilestoneRequest;
import vn.portal.milestone.MilestoneService;
import vn.portal.responsibility.ResponsibilityRequest;
import vn.portal.responsibility.ResponsibilityRole;
import vn.portal.responsibility.ResponsibilityService;

/**
 * What closing a session makes of its conclusions, in the close's own transaction: each TASK
 * becomes a responsibility and each MILESTONE a plan milestone, through the services that create
 * them directly and so under their rules. The first conclusion that breaks one stops the close
 * with that rule's problem and its {@code conclusionId}; the transaction then rolls back, so
 * nothing of any conclusion is applied and the session stays IN_PROGRESS.
 */
@ApplicationScoped
public class SessionClosing {

    /** The longest title a responsibility takes: a TASK without one gets the start of its text. */
    private static final int MAX_TITLE = 300;

    @Inject
    SessionRepository sessions;

    @Inject
    ResponsibilityService responsibilities;

    @Inject
    MilestoneService milestones;

    @Inject
    Writes writes;

    @Inject
    PortalClock clock;

    void applyConclusions(Session session) {
        List<Conclusion> conclusions = sessions.getEntityManager()
                .createQuery("select c from Conclusion c where c.sessionId = :sid order by c.id", Conclusion.class)
                .setParameter("sid", session.id).getResultList();
        requireOneLeadEach(conclusions);
        for (Conclusion c : conclusions) {
            try {
                switch (c.kind) {
                    case TASK -> applied(c, ResponsibilityService.ENTITY, responsibilities.createConcluded(c.subcommitteeId,
                            new ResponsibilityRequest(c.memberId, c.area, c.documentSection, titleOf(c), null, c.role,
                                    c.dueOn), c.id).id());
                    case MILESTONE -> applied(c, MilestoneService.ENTITY, milestones.createConcluded(c.subcommitteeId,
                            new MilestoneRequest(c.title, null, c.dueOn, null, c.responsibilityIds.stream().sorted().toList()),
                            c.id).id());
                    case INFORMATION, DECISION, ADOPTION -> {
                    }
                }
            } catch (ProblemException e) {
                throw e.with("conclusionId", c.id);
            }
        }
    }

    /**
     * Two TASKs of the session that would both lead one (area, section): the second would collide
     * with the first one's responsibility, which the failed close never keeps, so the problem names
     * the first conclusion instead.
     */
    private static void requireOneLeadEach(List<Conclusion> conclusions) {
        Map<String, Conclusion> leads = new HashMap<>();
        for (Conclusion c : conclusions) {
            if (c.kind == ConclusionKind.TASK && c.role == ResponsibilityRole.LEAD) {
                Conclusion first = leads.putIfAbsent(TextFold.fold(c.area) + '\u0000' + TextFold.fold(c.documentSection), c);
                if (first != null) {
                    throw ErrorCode.RESPONSIBILITY_OVERLAP.problem("Conclusions " + first.id + " and " + c.id
                            + " would both lead " + c.area + " / " + c.documentSection + ".")
                            .with("conclusionId", c.id).with("conflictingConclusionId", first.id);
                }
            }
        }
    }

    /** Records what the conclusion became, as an update of it. */
    private void applied(Conclusion c, String entityType, long entityId) {
        ConclusionView before = ConclusionView.of(c);
        Changes changes = new Changes();
        changes.set("appliedEntityType", c.appliedEntityType, entityType, v -> c.appliedEntityType = v);
        changes.set("appliedEntityId", c.appliedEntityId, entityId, v -> c.appliedEntityId = v);
        c.touched(clock.now());
        sessions.getEntityManager().flush();
        writes.recordStatement(ConclusionService.KIND, c.id, Scope.inside(c.subcommitteeId), before,
                ConclusionView.of(c), changes);
    }

    private static String titleOf(Conclusion c) {
        if (c.title != null) {
            return c.title;
        }
        String text = c.text.strip().lines().findFirst().orElse("").strip();
        return text.codePointCount(0, text.length()) <= MAX_TITLE ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_TITLE));
    }
}
