package io.hotstandby.codec;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.SplittableRandom;

/**
 * QuickTheories generator of field values for the round-trip properties: every draw is biased to
 * extremes (0, -1, 1, MIN, MAX for signed; 0 and max for unsigned; empty and max length for var data).
 */
final class Samples
{
    static final long SEED = 0x4853_4852L;
    static final int EXAMPLES = 1000;

    private static final long[] EXTREME_LONGS = { 0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE };
    private static final int[] EXTREME_INTS = { 0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE };
    private static final int LONGS = 10;
    private static final int INTS = 8;
    private static final int UNSIGNED = 8;

    private Samples()
    {
    }

    static Gen<Sample> samples()
    {
        return Sample::new;
    }

    /** One draw of values; messages take what they need by index. */
    static final class Sample
    {
        private final long[] longs = new long[LONGS];
        private final int[] ints = new int[INTS];
        private final int[] selectors = new int[UNSIGNED];
        private final long blobSeed;
        private final int[] blobLengthChoice = new int[4];

        Sample(final RandomnessSource in)
        {
            for (int i = 0; i < LONGS; i++)
            {
                longs[i] = in.next(Constraint.between(0, 2)) == 0 ?
                    EXTREME_LONGS[(int)in.next(Constraint.between(0, EXTREME_LONGS.length - 1))] :
                    in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE));
            }
            for (int i = 0; i < INTS; i++)
            {
                ints[i] = in.next(Constraint.between(0, 2)) == 0 ?
                    EXTREME_INTS[(int)in.next(Constraint.between(0, EXTREME_INTS.length - 1))] :
                    (int)in.next(Constraint.between(Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            for (int i = 0; i < UNSIGNED; i++)
            {
                selectors[i] = (int)in.next(Constraint.between(0, Integer.MAX_VALUE));
            }
            for (int i = 0; i < blobLengthChoice.length; i++)
            {
                blobLengthChoice[i] = (int)in.next(Constraint.between(0, Integer.MAX_VALUE));
            }
            blobSeed = in.next(Constraint.none());
        }

        long l(final int index)
        {
            return longs[index];
        }

        int i(final int index)
        {
            return ints[index];
        }

        /** @return an unsigned value in [0, max], max and 0 being frequent. */
        int unsigned(final int index, final int max)
        {
            final int s = selectors[index];
            switch (s % 4)
            {
                case 0:
                    return 0;
                case 1:
                    return max;
                default:
                    return (int)((s & 0x7FFF_FFFFL) % (max + 1L));
            }
        }

        /** @return one of the values, never SBE_UNKNOWN / NULL_VAL. */
        <E extends Enum<E>> E pick(final E[] values, final int index)
        {
            int n = 0;
            for (final E e : values)
            {
                if (isWireValue(e))
                {
                    n++;
                }
            }
            int k = Math.floorMod(selectors[index], n);
            for (final E e : values)
            {
                if (isWireValue(e) && 0 == k--)
                {
                    return e;
                }
            }
            throw new IllegalStateException();
        }

        /** @return bytes of length 0, max, or in between. */
        byte[] blob(final int index, final int max)
        {
            final int choice = blobLengthChoice[index];
            final int length = choice % 3 == 0 ? 0 : choice % 3 == 1 ? max : (choice / 3) % (max + 1);
            return bytes(index, length);
        }

        /** @return exactly length pseudo-random bytes. */
        byte[] bytes(final int index, final int length)
        {
            final byte[] bytes = new byte[length];
            new SplittableRandom(blobSeed + index).nextBytes(bytes);
            return bytes;
        }

        private static boolean isWireValue(final Enum<?> e)
        {
            return !"SBE_UNKNOWN".equals(e.name()) && !"NULL_VAL".equals(e.name());
        }
    }
}
