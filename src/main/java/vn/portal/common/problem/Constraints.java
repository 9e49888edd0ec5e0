package vn.portal.common.problem;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What each named database constraint of the Flyway schema means in the contract. The services
 * check these rules first to answer with details; the constraints are what makes the rules hold
 * when two requests race, and this table turns the loser's violation into the same 409.
 */
final class Constraints {

    private static final String NOT_EMPTY = "The subcommittee still has members, responsibilities or milestones.";

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("uq_subcommittee_code", new Rule(ErrorCode.CODE_TAKEN,
                    "A subcommittee with this code already exists.")),
            Map.entry("uq_member_email", new Rule(ErrorCode.EMAIL_TAKEN,
                    "A member of this subcommittee already has this email.")),
            Map.entry("uq_member_head", new Rule(ErrorCode.HEAD_ALREADY_ASSIGNED,
                    "The subcommittee already has an active head.")),
            Map.entry("uq_member_user", new Rule(ErrorCode.USER_ALREADY_MEMBER,
                    "This user is already linked to a member of this subcommittee.")),
            Map.entry("uq_responsibility_lead", new Rule(ErrorCode.RESPONSIBILITY_OVERLAP,
                    "Another responsibility already leads this area and document section.")),
            Map.entry("fk_member_subcommittee", new Rule(ErrorCode.SUBCOMMITTEE_NOT_EMPTY, NOT_EMPTY)),
            Map.entry("fk_responsibility_subcommittee", new Rule(ErrorCode.SUBCOMMITTEE_NOT_EMPTY, NOT_EMPTY)),
            Map.entry("fk_milestone_subcommittee", new Rule(ErrorCode.SUBCOMMITTEE_NOT_EMPTY, NOT_EMPTY)),
            Map.entry("fk_responsibility_member", new Rule(ErrorCode.MEMBER_HAS_RESPONSIBILITIES,
                    "The member holds responsibilities; set active to false instead.")),
            Map.entry("fk_mr_responsibility", new Rule(ErrorCode.RESPONSIBILITY_IN_USE,
                    "A milestone or submission uses this responsibility.")),
            Map.entry("fk_submission_responsibility", new Rule(ErrorCode.RESPONSIBILITY_IN_USE,
                    "A milestone or submission uses this responsibility.")),
            Map.entry("fk_cr_responsibility", new Rule(ErrorCode.RESPONSIBILITY_IN_USE,
                    "A session's MILESTONE conclusion names this responsibility.")),
            Map.entry("fk_submission_milestone", new Rule(ErrorCode.MILESTONE_HAS_SUBMISSIONS,
                    "Submissions were made for this milestone.")),
            Map.entry("fk_submission_subcommittee", new Rule(ErrorCode.SUBCOMMITTEE_NOT_EMPTY, NOT_EMPTY)),
            Map.entry("uq_user_username", new Rule(ErrorCode.USERNAME_TAKEN,
                    "A user with this user name already exists.")),
            Map.entry("uq_submission_milestone_responsibility", new Rule(ErrorCode.SUBMISSION_EXISTS,
                    "There is already a submission for this milestone and responsibility.")));

    private record Rule(ErrorCode code, String detail) {
    }

    private Constraints() {
    }

    /** The rule behind a violated constraint, found by the name the driver reports (H2 decorates it). */
    static Optional<ProblemException> problemFor(String constraintOrMessage) {
        if (constraintOrMessage == null) {
            return Optional.empty();
        }
        String text = constraintOrMessage.toLowerCase(Locale.ROOT);
        return RULES.entrySet().stream()
                .filter(rule -> text.contains(rule.getKey()))
                .findFirst()
                .map(rule -> rule.getValue().code().problem(rule.getValue().detail()));
    }
}
