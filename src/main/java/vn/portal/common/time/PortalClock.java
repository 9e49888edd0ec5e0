package vn.portal.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The service's only source of "now" and "today". Tests replace it (QuarkusMock) to fix the day;
 * the demo loader replays its story at the story's dates on its own thread.
 */
@ApplicationScoped
public class PortalClock {

    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

    private final Clock clock = Clock.system(DueDates.ZONE);

    /** Now, at the millisecond precision instants are stored and returned with. */
    public Instant now() {
        Instant replayed = REPLAYED.get();
        return (replayed != null ? replayed : clock.instant()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today in Asia/Ho_Chi_Minh. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), DueDates.ZONE);
    }

    /** Runs {@code work} on this thread as if it were {@code instant}; other threads are not affected. */
    public <T> T replayAt(Instant instant, Supplier<T> work) {
        Instant outer = REPLAYED.get();
        REPLAYED.set(instant);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                REPLAYED.remove();
            } else {
                REPLAYED.set(outer);
            }
        }
    }
}
