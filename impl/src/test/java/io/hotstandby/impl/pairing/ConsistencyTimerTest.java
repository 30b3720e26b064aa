package io.hotstandby.impl.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.config.ConsistencySchedule;

/** Due times of the automatic consistency check (SPEC C3). */
class ConsistencyTimerTest
{
    private static long ms(final int day, final int hour, final int minute)
    {
        // November 2026: the 22nd is a Sunday
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void neverFires()
    {
        assertEquals(ConsistencyTimer.NEVER,
            new ConsistencyTimer(ConsistencySchedule.never(), ZoneOffset.UTC).nextDueMs(ms(22, 4, 0)));
    }

    @Test
    void intervalAddsTheInterval()
    {
        assertEquals(ms(22, 5, 0), new ConsistencyTimer(ConsistencySchedule.every(3_600_000), ZoneOffset.UTC)
            .nextDueMs(ms(22, 4, 0)));
    }

    @Test
    void dailyIsTodayIfStillAheadElseTomorrow()
    {
        final ConsistencyTimer timer = new ConsistencyTimer(ConsistencySchedule.daily(LocalTime.of(3, 30)), ZoneOffset.UTC);
        assertEquals(ms(22, 3, 30), timer.nextDueMs(ms(22, 1, 0)));
        assertEquals(ms(23, 3, 30), timer.nextDueMs(ms(22, 3, 30)));
        assertEquals(ms(23, 3, 30), timer.nextDueMs(ms(22, 4, 0)));
    }

    @Test
    void weeklyIsTheNextSuchDay()
    {
        final ConsistencyTimer timer = new ConsistencyTimer(
            ConsistencySchedule.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(2, 0)), ZoneOffset.UTC);
        assertEquals(ms(25, 2, 0), timer.nextDueMs(ms(22, 4, 0)));
        assertEquals(ms(25, 2, 0), timer.nextDueMs(ms(25, 1, 59)));
        assertEquals(ms(25, 2, 0) + 7L * 24 * 3_600_000, timer.nextDueMs(ms(25, 2, 0)));
    }
}
