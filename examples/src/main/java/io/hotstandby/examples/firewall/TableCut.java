package io.hotstandby.examples.firewall;

/**
 * Finds which prefix of a {@link TrafficGenerator}'s operations a table holds: the number {@code k}
 * such that the table equals the generator's table after exactly {@code k} operations. A standby that
 * applied the active's changes in order holds such a prefix; one that lost, reordered or corrupted a
 * change holds none. Control path (replays the generator).
 */
public final class TableCut
{
    /** Returned when the table equals no prefix of the operations. */
    public static final long NO_PREFIX = -1;

    private TableCut()
    {
    }

    /**
     * Every create and update of operation {@code n} writes {@code packets = n}; so the table's largest
     * {@code packets} is its last create/update {@code m}, and only the deletes right after {@code m} can
     * also have been applied. The prefixes {@code m, m+1, ...} up to the next create/update are tried.
     *
     * @param table         the table to place.
     * @param seed          the generator's seed.
     * @param keyPrefix     the generator's key prefix.
     * @param maxSessions   the generator's bound.
     * @param maxOperations how many operations the generator ran at most.
     * @return {@code k}, or {@link #NO_PREFIX}.
     */
    public static long find(final SessionTable table, final long seed, final int keyPrefix, final int maxSessions,
        final long maxOperations)
    {
        final long[] lastWrite = {0};
        table.forEach(s -> lastWrite[0] = Math.max(lastWrite[0], s.packets));
        final long m = lastWrite[0];
        if (m > maxOperations)
        {
            return NO_PREFIX;
        }
        final SessionTable expected = new SessionTable();
        final TrafficGenerator g = new TrafficGenerator(seed, keyPrefix, maxSessions, expected);
        while (g.operations() < m)
        {
            g.step(null);
        }
        while (true)
        {
            if (expected.contentEquals(table))
            {
                return g.operations();
            }
            if (g.operations() >= maxOperations)
            {
                return NO_PREFIX;
            }
            g.step(null);
            if (g.lastOp() != TrafficGenerator.Op.DELETE)
            {
                return NO_PREFIX;
            }
        }
    }
}
