package io.hotstandby.codec;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.hotstandby.codec.Samples.EXAMPLES;
import static io.hotstandby.codec.Samples.SEED;
import static io.hotstandby.codec.Samples.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** Guards the round-trip properties: they really run every example and really reach the extremes. */
class SamplesTest
{
    @Test
    void everyExampleRunsAndExtremesAreDrawn()
    {
        final AtomicInteger runs = new AtomicInteger();
        final Set<Long> longs = new HashSet<>();
        final Set<Integer> ports = new HashSet<>();
        final Set<Integer> blobLengths = new HashSet<>();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            runs.incrementAndGet();
            longs.add(s.l(0));
            ports.add(s.unsigned(4, 65535));
            blobLengths.add(s.blob(0, 255).length);
        });

        assertEquals(EXAMPLES, runs.get());
        assertTrue(longs.contains(Long.MIN_VALUE) && longs.contains(Long.MAX_VALUE), "long extremes");
        assertTrue(longs.contains(0L) && longs.contains(-1L), "zero and minus one");
        assertTrue(longs.size() > EXAMPLES / 2, "random longs: " + longs.size());
        assertTrue(ports.contains(0) && ports.contains(65535) && ports.size() > 10, "ports");
        assertTrue(blobLengths.contains(0) && blobLengths.contains(255) && blobLengths.size() > 10, "blob lengths");
    }
}
