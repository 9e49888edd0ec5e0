package vn.portal.session;

/** What a conclusion is, and so what closing the session makes of it. */
public enum ConclusionKind {
    /** Nothing is made of it. */
    INFORMATION,
    /** Nothing is made of it. */
    DECISION,
    /** Becomes a responsibility. */
    TASK,
    /** Becomes a plan milestone. */
    MILESTONE,
    /** Adopts a document's version: refused while the service holds no documents. */
    ADOPTION
}
