package io.hotstandby.api.config;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When configuration digests are compared automatically (SPEC C3). The operator command
 * {@code CHECK_CONSISTENCY_NOW} works whatever the schedule. Immutable.
 *
 * @param kind       never, at a fixed interval, daily at a time, or weekly on a day and time.
 * @param intervalMs the interval for {@link Kind#INTERVAL}, at least one minute; else 0.
 * @param timeOfDay  the local time for {@link Kind#DAILY} and {@link Kind#WEEKLY}; else null.
 * @param dayOfWeek  the day for {@link Kind#WEEKLY}; else null.
 */
public record ConsistencySchedule(Kind kind, long intervalMs, LocalTime timeOfDay, DayOfWeek dayOfWeek)
{
    /** Shortest fixed interval accepted, in milliseconds. */
    public static final long MIN_INTERVAL_MS = 60_000L;

    /** The kinds of schedule. */
    public enum Kind
    {
        /** Only on command. */
        NEVER,
        /** Every {@code intervalMs}. */
        INTERVAL,
        /** Every day at {@code timeOfDay}. */
        DAILY,
        /** Every {@code dayOfWeek} at {@code timeOfDay}. */
        WEEKLY
    }

    /** @return only on command. */
    public static ConsistencySchedule never()
    {
        return new ConsistencySchedule(Kind.NEVER, 0, null, null);
    }

    /** @param intervalMs the interval in milliseconds. @return a fixed-interval schedule. */
    public static ConsistencySchedule every(final long intervalMs)
    {
        return new ConsistencySchedule(Kind.INTERVAL, intervalMs, null, null);
    }

    /** @param time local time of day. @return a daily schedule. */
    public static ConsistencySchedule daily(final LocalTime time)
    {
        return new ConsistencySchedule(Kind.DAILY, 0, time, null);
    }

    /** @param day day of week. @param time local time of day. @return a weekly schedule. */
    public static ConsistencySchedule weekly(final DayOfWeek day, final LocalTime time)
    {
        return new ConsistencySchedule(Kind.WEEKLY, 0, time, day);
    }
}
