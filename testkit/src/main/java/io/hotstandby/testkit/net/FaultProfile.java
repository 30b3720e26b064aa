package io.hotstandby.testkit.net;

/**
 * The fault probabilities of one channel kind for a {@link FaultInjector}. Immutable; validated at
 * construction.
 *
 * @param drop         probability that a frame is lost, 0..1.
 * @param delay        probability that a frame is delayed, 0..1.
 * @param minDelayNs   shortest delay, ns, at least 0.
 * @param maxDelayNs   longest delay, ns, at least {@code minDelayNs}.
 * @param reorder      probability that a frame is held back and delivered after the next one, 0..1.
 * @param duplicate    probability that a frame is delivered twice, 0..1.
 */
public record FaultProfile(double drop, double delay, long minDelayNs, long maxDelayNs, double reorder,
    double duplicate)
{
    /** No faults. */
    public static final FaultProfile NONE = new FaultProfile(0, 0, 0, 0, 0, 0);

    /** Checks every probability is in 0..1, their sum at most 1, and the delay range ordered. */
    public FaultProfile
    {
        checkProbability("drop", drop);
        checkProbability("delay", delay);
        checkProbability("reorder", reorder);
        checkProbability("duplicate", duplicate);
        if (drop + delay + reorder + duplicate > 1.0)
        {
            throw new IllegalArgumentException("fault probabilities add up to more than 1: " +
                (drop + delay + reorder + duplicate));
        }
        if (minDelayNs < 0 || maxDelayNs < minDelayNs)
        {
            throw new IllegalArgumentException("delay range " + minDelayNs + ".." + maxDelayNs + " ns");
        }
    }

    /** @return a copy with the drop probability. */
    public FaultProfile withDrop(final double probability)
    {
        return new FaultProfile(probability, delay, minDelayNs, maxDelayNs, reorder, duplicate);
    }

    /** @return a copy with the delay probability and range, ns. */
    public FaultProfile withDelay(final double probability, final long minNs, final long maxNs)
    {
        return new FaultProfile(drop, probability, minNs, maxNs, reorder, duplicate);
    }

    /** @return a copy with the reorder probability. */
    public FaultProfile withReorder(final double probability)
    {
        return new FaultProfile(drop, delay, minDelayNs, maxDelayNs, probability, duplicate);
    }

    /** @return a copy with the duplicate probability. */
    public FaultProfile withDuplicate(final double probability)
    {
        return new FaultProfile(drop, delay, minDelayNs, maxDelayNs, reorder, probability);
    }

    private static void checkProbability(final String name, final double p)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new IllegalArgumentException(name + " probability " + p + " outside 0..1");
        }
    }
}
