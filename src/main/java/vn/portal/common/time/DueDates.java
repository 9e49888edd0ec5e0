package vn.portal.common.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Due dates are whole days in Vietnam's time zone. */
public final class DueDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** How many days ahead, today included, count as "due within 7 days". */
    public static final int DUE_SOON_DAYS = 7;

    private DueDates() {
    }

    /** The first instant that is no longer within the due day. */
    public static Instant endOfDueDay(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Whether something first handed in at {@code at} missed {@code dueOn}. */
    public static boolean isLate(Instant at, LocalDate dueOn) {
        return !at.isBefore(endOfDueDay(dueOn));
    }

    /** Overdue: today is after the due day. */
    public static boolean isPastDue(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }

    /** Due today or within the next six days. */
    public static boolean isDueSoon(LocalDate dueOn, LocalDate today) {
        return !dueOn.isBefore(today) && !dueOn.isAfter(lastDueSoonDay(today));
    }

    public static LocalDate lastDueSoonDay(LocalDate today) {
        return today.plusDays(DUE_SOON_DAYS - 1L);
    }
}
