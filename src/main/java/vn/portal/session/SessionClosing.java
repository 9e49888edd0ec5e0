package vn.portal.session;

import jakarta.enterprise.context.ApplicationScoped;

/** What closing a session makes of its conclusions. */
@ApplicationScoped
public class SessionClosing {

    /** Applies every conclusion of the session, in its transaction; the first that breaks a rule stops them all. */
    void applyConclusions(Session session) {
    }
}
