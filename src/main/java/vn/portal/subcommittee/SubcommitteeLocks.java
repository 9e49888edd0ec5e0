package vn.portal.subcommittee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.write.Scope;
import vn.portal.common.write.ScopeLock;

/**
 * Every write inside a subcommittee takes its row lock first, so the checks of the one-head,
 * one-lead and unique-email rules see every earlier write, and writes inside one subcommittee
 * queue up; nothing inside an archived one changes.
 */
@ApplicationScoped
public class SubcommitteeLocks implements ScopeLock {

    @Inject
    SubcommitteeRepository repository;

    @Override
    public void lock(Scope scope) {
        if (scope.subcommitteeId() == null) {
            return;
        }
        Subcommittee subcommittee = repository.lockForWrite(scope.subcommitteeId());
        if (scope.mustBeOpen() && subcommittee.isArchived()) {
            throw archived();
        }
    }

    static ProblemException archived() {
        return ErrorCode.SUBCOMMITTEE_ARCHIVED.problem(
                "The subcommittee is archived: nothing in it changes until its status is set back to ACTIVE.");
    }
}
