package vn.portal.user;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import vn.portal.common.problem.ProblemException;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    public User require(long id) {
        User user = findById(id);
        if (user == null) {
            throw ProblemException.notFound("There is no user " + id + ".");
        }
        return user;
    }

    public Optional<User> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public boolean anyExists() {
        return count() > 0;
    }

    /** Locks the active ADMIN users' rows until the transaction ends. */
    public void lockActiveAdmins() {
        find("active = true and storedRoles like '%ADMIN%'").withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public long activeAdminsOtherThan(long id) {
        return count("active = true and storedRoles like '%ADMIN%' and id <> ?1", id);
    }
}
