package io.hotstandby.impl.pairing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import io.hotstandby.api.config.ConsistencySchedule;

/**
 * When the next automatic configuration consistency check is due (SPEC C3): never, every interval,
 * daily at a local time, or weekly on a day at a local time. Pure calculation on wall-clock epoch
 * milliseconds in a given zone.
 *
 * <p>Threading: conductor thread; immutable.
 */
public final class ConsistencyTimer
{
    /** Returned by {@link #nextDueMs} when the schedule never fires. */
    public static final long NEVER = Long.MAX_VALUE;

    private final ConsistencySchedule schedule;
    private final ZoneId zone;

    /**
     * @param schedule the configured schedule.
     * @param zone     the zone of the schedule's local times.
     */
    public ConsistencyTimer(final ConsistencySchedule schedule, final ZoneId zone)
    {
        this.schedule = schedule;
        this.zone = zone;
    }

    /**
     * @param afterMs a wall-clock time, epoch ms.
     * @return the first due time strictly after it, epoch ms, or {@link #NEVER}.
     */
    public long nextDueMs(final long afterMs)
    {
        if (schedule == null)
        {
            return NEVER;
        }
        final ZonedDateTime after = Instant.ofEpochMilli(afterMs).atZone(zone);
        return switch (schedule.kind())
        {
            case NEVER -> NEVER;
            case INTERVAL -> afterMs + schedule.intervalMs();
            case DAILY ->
            {
                ZonedDateTime next = after.with(schedule.timeOfDay()).withNano(0);
                if (!next.isAfter(after))
                {
                    next = next.plusDays(1).with(schedule.timeOfDay());
                }
                yield next.toInstant().toEpochMilli();
            }
            case WEEKLY ->
            {
                ZonedDateTime next = after.with(TemporalAdjusters.nextOrSame(schedule.dayOfWeek()))
                    .with(schedule.timeOfDay()).withNano(0);
                if (!next.isAfter(after))
                {
                    next = after.plusDays(1).with(TemporalAdjusters.nextOrSame(schedule.dayOfWeek()))
                        .with(schedule.timeOfDay()).withNano(0);
                }
                yield next.toInstant().toEpochMilli();
            }
        };
    }
}
