package vn.portal.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Gives each new session of a subcommittee the next number. Runs under the subcommittee's lock,
 * which every write into it takes first, so two sessions created at once queue for their numbers;
 * the last one given is kept apart from the sessions, so a number is never given twice.
 */
@ApplicationScoped
public class SessionNumbers {

    @Inject
    EntityManager em;

    int next(long subcommitteeId) {
        SessionNumber counter = em.find(SessionNumber.class, subcommitteeId);
        if (counter == null) {
            counter = new SessionNumber();
            counter.subcommitteeId = subcommitteeId;
            em.persist(counter);
        }
        counter.lastNumber++;
        return counter.lastNumber;
    }
}
