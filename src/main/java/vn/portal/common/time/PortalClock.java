package vn.portal.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The service's only source of "now" and "today". Tests replace it (QuarkusMock) to fix the day.
 */
@ApplicationScoped
public class PortalClock {

    private final Clock clock = Clock.system(DueDates.ZONE);

    /** Now, at the millisecond precision instants are stored and returned with. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today in Asia/Ho_Chi_Minh. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), DueDates.ZONE);
    }
}
