package vn.portal.support;

import io.quarkus.test.junit.QuarkusMock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.portal.common.time.DueDates;
import vn.portal.common.time.PortalClock;

/**
 * Sets "now" for one test: install it in a {@code @BeforeEach}; Quarkus drops it after the test.
 */
public final class FixedClock extends PortalClock {

    private volatile Instant now;

    private FixedClock(Instant now) {
        this.now = now;
    }

    /** Installs a clock standing at {@code instant} and returns it so the test can move it. */
    public static FixedClock install(Instant instant) {
        FixedClock clock = new FixedClock(instant);
        QuarkusMock.installMockForType(clock, PortalClock.class);
        return clock;
    }

    /** Installs a clock at noon of {@code today} in Asia/Ho_Chi_Minh. */
    public static FixedClock installToday(LocalDate today) {
        return install(today.atTime(12, 0).atZone(DueDates.ZONE).toInstant());
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public Instant now() {
        return now.truncatedTo(ChronoUnit.MILLIS);
    }
}
