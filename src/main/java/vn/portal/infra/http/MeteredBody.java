package vn.portal.infra.http;

/**
 * One request body as its bytes arrive, counted on the connection below Vert.x, before anything
 * reads, buffers or spools it. Every method runs on the connection's event loop.
 */
final class MeteredBody {

    /** How to end a refused exchange once it has been answered: close the connection, or reset the stream. */
    interface Finisher {
        void finish(MeteredBody body);
    }

    final long limit;
    final long declared;
    final String request;
    /** The request's place on its connection (HTTP/1.x) or its stream (HTTP/2). */
    final long index;
    private final Finisher finisher;
    private long received;
    private boolean refused;
    private boolean complete;
    private Runnable onRefused;

    /**
     * @param limit the most bytes of body taken
     * @param declared the Content-Length, or -1 when none was sent
     * @param request method and path, for the log
     */
    MeteredBody(long limit, long declared, String request, long index, Finisher finisher) {
        this.limit = limit;
        this.declared = declared;
        this.request = request;
        this.index = index;
        this.finisher = finisher;
        this.refused = declared > limit;
    }

    /**
     * Counts bytes that have arrived. Returns true while they may be passed on; false once the
     * body is over its limit, when they must be dropped.
     */
    boolean arrived(int bytes, boolean last) {
        received += bytes;
        if (last) {
            complete = true;
        }
        if (refused) {
            finisher.finish(this);
            return false;
        }
        if (received > limit) {
            refused = true;
            EarlyLimits.LOG.infof("Refused the body of %s: it went over %d bytes (%d arrived so far); the rest is not read",
                    request, limit, received);
            if (onRefused != null) {
                onRefused.run();
            }
            finisher.finish(this);
            return false;
        }
        return true;
    }

    /** What to do when the body goes over its limit; at once if it already has (by its Content-Length). */
    void whenRefused(Runnable answer) {
        onRefused = answer;
        if (refused) {
            EarlyLimits.LOG.infof("Refused %s: its Content-Length is %d, over %d bytes", request, declared, limit);
            answer.run();
            finisher.finish(this);
        }
    }

    /** Refuses the body for another reason than its size: nothing more of it is passed on. */
    void refuse(Runnable answer) {
        refused = true;
        onRefused = answer;
        answer.run();
        finisher.finish(this);
    }

    boolean refused() {
        return refused;
    }

    boolean complete() {
        return complete;
    }

    long received() {
        return received;
    }
}
