package vn.portal.common.write;

/**
 * Takes the lock a write queues on, held to the end of its transaction, so that the checks of the
 * one-head, one-lead and unique rules see every earlier write into the same subcommittee. The
 * subcommittee feature implements it; the write path is all that calls it.
 */
public interface ScopeLock {

    /**
     * Locks the scope's subcommittee (404 when it does not exist) and refuses when it must be open
     * and is archived; a scope without a subcommittee locks nothing.
     */
    void lock(Scope scope);
}
