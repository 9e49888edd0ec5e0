package vn.portal.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DueDatesTest {

    private static final LocalDate DUE = LocalDate.of(2020, 2, 22);

    @Test
    void theDueDayEndsAtMidnightInVietnam() {
        assertEquals(Instant.parse("2020-02-22T17:00:00Z"), DueDates.endOfDueDay(DUE));
    }

    @Test
    void lastSecondOfTheDueDayIsOnTime() {
        assertFalse(DueDates.isLate(OffsetDateTime.parse("2020-02-22T23:59:59+07:00").toInstant(), DUE));
        assertFalse(DueDates.isLate(OffsetDateTime.parse("2020-02-22T23:59:59.999+07:00").toInstant(), DUE));
    }

    @Test
    void midnightAfterTheDueDayIsLate() {
        assertTrue(DueDates.isLate(OffsetDateTime.parse("2020-02-23T00:00:00+07:00").toInstant(), DUE));
        // 17:00 UTC on the 22nd is already the 23rd in Hanoi
        assertTrue(DueDates.isLate(Instant.parse("2020-02-22T17:00:00Z"), DUE));
    }

    @Test
    void pastDueOnlyAfterTheDueDay() {
        assertFalse(DueDates.isPastDue(DUE, DUE));
        assertTrue(DueDates.isPastDue(DUE, DUE.plusDays(1)));
        assertFalse(DueDates.isPastDue(DUE, DUE.minusDays(1)));
    }

    @Test
    void dueSoonCoversTodayAndTheNextSixDays() {
        LocalDate today = LocalDate.of(2020, 2, 20);
        assertTrue(DueDates.isDueSoon(today, today));
        assertTrue(DueDates.isDueSoon(today.plusDays(6), today));
        assertFalse(DueDates.isDueSoon(today.plusDays(7), today));
        assertFalse(DueDates.isDueSoon(today.minusDays(1), today));
    }

    @Test
    void leapDayAndYearEnd() {
        assertEquals(Instant.parse("2020-02-29T17:00:00Z"), DueDates.endOfDueDay(LocalDate.of(2020, 2, 29)));
        assertEquals(Instant.parse("2020-12-31T17:00:00Z"), DueDates.endOfDueDay(LocalDate.of(2020, 12, 31)));
    }
}
