package io.hotstandby.testkit.replication;

import io.hotstandby.api.config.DeliveryMode;
import io.hotstandby.api.config.EntryTypePolicy;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.state.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One behaviour each of the replication engine (SPEC B5, B6, B8, B9, G1, G2, G6, A6), two engines on
 * the in-process network driven step by step on a manual clock.
 */
final class ReplicationFeaturesTest
{
    @Test
    void standbyIsReadyOnlyAfterTheBulkBackupEnds()
    {
        try (EnginePair pair = new EnginePair(1, b -> b, HotStandbyListener.NO_OP, null))
        {
            final SplittableRandom random = new SplittableRandom(1);
            for (int k = 0; k < 100_000; k++)
            {
                EnginePair.write(pair.localSinks[0][EntryType.NAT_PORT_BLOCK.code()], EntryType.NAT_PORT_BLOCK, k, random);
            }
            pair.startActiveStandby(1);
            assertTrue(pair.engines[0].isReady(), "an active member is always ready");
            boolean sawBulk = false;
            for (int i = 0; i < 2_000 && !pair.engines[1].isReady(); i++)
            {
                pair.step();
                if (pair.engines[1].status().bulkInProgress())
                {
                    sawBulk = true;
                    assertFalse(pair.engines[1].isReady(), "ready during the bulk backup");
                    assertEquals(0, pair.engines[0].status().ackedSequence(),
                        "nothing counts as acknowledged before the bulk is installed on the standby");
                }
            }
            assertTrue(sawBulk);
            assertTrue(pair.engines[1].isReady());
            for (int i = 0; i < 100 && pair.engines[0].status().ackedSequence() < pair.engines[0].status().sentSequence(); i++)
            {
                pair.step();
            }
            assertEquals(pair.engines[0].status().sentSequence(), pair.engines[0].status().ackedSequence(),
                "once the bulk is confirmed, everything sent is acknowledged");
            assertNull(pair.difference());
            assertEquals(100_000L, pair.engines[1].localEntryCounts().get(EntryType.NAT_PORT_BLOCK));
        }
    }

    @Test
    void eachMemberReportsThePeersTableSizesFromItsHeartbeats()
    {
        try (EnginePair pair = new EnginePair(2, b -> b, HotStandbyListener.NO_OP, null))
        {
            final SplittableRandom random = new SplittableRandom(2);
            assertTrue(pair.engines[0].peerEntryCounts().isEmpty(), "nothing reported before a heartbeat");
            for (int k = 0; k < 500; k++)
            {
                EnginePair.write(pair.localSinks[0][EntryType.DHCP_LEASE.code()], EntryType.DHCP_LEASE, k, random);
            }
            // a standby-local entry the active does not have: the counts are each member's own
            EnginePair.write(pair.localSinks[1][EntryType.LAST_HOP.code()], EntryType.LAST_HOP, 7, random);
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady(), 2_000));
            // more than one heartbeat interval (100 ms) on the pair's clock
            assertTrue(pair.runUntil(() -> Long.valueOf(500).equals(pair.engines[1].peerEntryCounts().get(EntryType.DHCP_LEASE)) &&
                Long.valueOf(500).equals(pair.engines[0].peerEntryCounts().get(EntryType.DHCP_LEASE)), 500));

            assertEquals(pair.engines[0].localEntryCounts(), pair.engines[1].peerEntryCounts(), "the active's tables");
            assertEquals(pair.engines[1].localEntryCounts(), pair.engines[0].peerEntryCounts(), "the standby's tables");
            assertEquals(0L, pair.engines[1].peerEntryCounts().get(EntryType.LAST_HOP), "the active holds no last hop");
        }
    }

    @Test
    void aStandbyReportsItsOwnRecoveryPointWhileBehindAndZeroOnceCaughtUp()
    {
        try (EnginePair pair = new EnginePair(11, b -> b, HotStandbyListener.NO_OP, null))
        {
            final SplittableRandom random = new SplittableRandom(11);
            for (int k = 0; k < 100_000; k++)
            {
                EnginePair.write(pair.localSinks[0][EntryType.NAT_PORT_BLOCK.code()], EntryType.NAT_PORT_BLOCK, k, random);
            }
            pair.startActiveStandby(1);
            long mostBehind = 0;
            long longestBehindMicros = 0;
            for (int i = 0; i < 2_000 && !pair.engines[1].isReady(); i++)
            {
                pair.step();
                mostBehind = Math.max(mostBehind, pair.engines[1].status().lagEntries());
                longestBehindMicros = Math.max(longestBehindMicros, pair.engines[1].status().lagMicros());
            }
            assertTrue(pair.engines[1].isReady());
            assertTrue(mostBehind > 0, "the standby saw itself behind the active's announced head during the bulk");
            assertTrue(longestBehindMicros >= EnginePair.STEP_NS / 1000,
                "behind for at least one step of the clock: " + longestBehindMicros + " µs");
            pair.runUntil(() -> pair.engines[1].status().lagEntries() == 0 && pair.engines[1].status().lagMicros() == 0,
                1_000);
            assertEquals(0, pair.engines[1].status().lagEntries());
            assertEquals(0, pair.engines[1].status().lagMicros());
        }
    }

    @Test
    void acknowledgedLeasesAreReportedOnlyOnceAppliedAndSurviveFailover()
    {
        final List<Long> acknowledged = new ArrayList<>();
        try (EnginePair pair = new EnginePair(2,
            b -> b.entryPolicy(EntryType.DHCP_LEASE, EntryTypePolicy.defaults(EntryType.DHCP_LEASE).withDelivery(DeliveryMode.ACKNOWLEDGED)),
            HotStandbyListener.NO_OP, (type, key, sequence) ->
            {
                assertEquals(EntryType.DHCP_LEASE, type);
                acknowledged.add(key);
            }))
        {
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady(), 1_000));
            final SplittableRandom random = new SplittableRandom(2);
            for (int k = 0; k < 50; k++)
            {
                assertEquals(OfferResult.ACCEPTED, pair.upsert(0, EntryType.DHCP_LEASE, k, random));
                assertEquals(OfferResult.ACCEPTED, pair.upsert(0, EntryType.LAST_HOP, k, random));
            }
            assertTrue(acknowledged.isEmpty(), "nothing is acknowledged before the standby applies it");
            assertTrue(pair.runUntil(() -> acknowledged.size() == 50, 1_000), "acknowledged " + acknowledged.size());
            for (final long key : acknowledged)
            {
                assertTrue(pair.table(1, EntryType.DHCP_LEASE).contains(key), "acknowledged before applied: " + key);
            }
            // the active fails; the standby takes over with every acknowledged lease
            pair.peerDown(1);
            pair.role(1, Role.ACTIVE, 2);
            pair.engines[1].doWork(pair.clock.advance(EnginePair.STEP_NS));
            for (final long key : acknowledged)
            {
                assertArrayEquals(pair.table(0, EntryType.DHCP_LEASE).encoded(key), pair.table(1, EntryType.DHCP_LEASE).encoded(key));
            }
            assertEquals(0, pair.table(1, EntryType.DHCP_LEASE).owner(0), "the survivor owns the adopted entries");
        }
    }

    @Test
    void youngSessionsAreHeldBackUntilTheirDelayTime()
    {
        try (EnginePair pair = new EnginePair(3,
            b -> b.entryPolicy(EntryType.FIREWALL_SESSION, EntryTypePolicy.defaults(EntryType.FIREWALL_SESSION).withMinAgeMs(2_000)),
            HotStandbyListener.NO_OP, null))
        {
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady(), 1_000));
            final long now = pair.clock.epochMillis();
            assertEquals(OfferResult.TOO_YOUNG, offerSession(pair, 1, now - 500, 0));
            assertEquals(OfferResult.ACCEPTED, offerSession(pair, 2, now - 2_500, 0));
            assertTrue(pair.runUntil(() -> pair.table(1, EntryType.FIREWALL_SESSION).contains(2), 100));
            assertFalse(pair.table(1, EntryType.FIREWALL_SESSION).contains(1));
            assertEquals(1, pair.counters[0].get(CounterId.ENTRIES_TOO_YOUNG).get());
            // once it has lived long enough, its next update is replicated
            pair.clock.advance(2_000_000_000L);
            pair.step();
            assertEquals(OfferResult.ACCEPTED, offerSession(pair, 1, now - 500, 0));
            assertTrue(pair.runUntil(() -> pair.table(1, EntryType.FIREWALL_SESSION).contains(1), 100));
        }
    }

    @Test
    void httpAndDnsSwitchesAndDisabledTypesAreNotReplicated()
    {
        try (EnginePair pair = new EnginePair(4,
            b -> b.httpSessionBackup(false).dnsSessionBackup(false)
                .entryPolicy(EntryType.LAST_HOP, EntryTypePolicy.defaults(EntryType.LAST_HOP).withEnabled(false)),
            HotStandbyListener.NO_OP, null))
        {
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady(), 1_000));
            assertEquals(OfferResult.TYPE_DISABLED, offerSession(pair, 1, 1, FirewallSessionWriter.FLAG_HTTP));
            assertEquals(OfferResult.TYPE_DISABLED, offerSession(pair, 2, 1, FirewallSessionWriter.FLAG_DNS));
            assertEquals(OfferResult.ACCEPTED, offerSession(pair, 3, 1, 1 << 8));
            assertNull(pair.producers[0].claimLastHop());
            assertEquals(OfferResult.TYPE_DISABLED, pair.producers[0].lastRejection());
            assertTrue(pair.runUntil(() -> pair.table(1, EntryType.FIREWALL_SESSION).contains(3), 100));
            pair.runUntil(() -> false, 20);
            assertFalse(pair.table(1, EntryType.FIREWALL_SESSION).contains(1));
            assertFalse(pair.table(1, EntryType.FIREWALL_SESSION).contains(2));
        }
    }

    @Test
    void clockSkewAboveTheLimitIsReported()
    {
        final List<Long> skews = new ArrayList<>();
        final HotStandbyListener listener = new HotStandbyListener()
        {
            @Override
            public void onClockSkew(final long skewMs)
            {
                skews.add(skewMs);
            }
        };
        try (EnginePair pair = new EnginePair(5, b -> b.maxClockSkewMs(1_000), listener, null, 5_000))
        {
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> !skews.isEmpty(), 1_000));
            assertTrue(skews.contains(-5_000L) || skews.contains(5_000L), skews.toString());
            assertTrue(pair.runUntil(() -> Math.abs(pair.engines[0].status().clockSkewMs()) == 5_000, 500));
        }
    }

    @Test
    void dualActiveMembersReplicateTheirOwnEntriesAndTheSurvivorAdoptsThePeers()
    {
        try (EnginePair pair = new EnginePair(6, b -> b.mode(Mode.DUAL_ACTIVE).rolePolicy(io.hotstandby.api.config.RolePolicy.PRIMARY), HotStandbyListener.NO_OP, null))
        {
            pair.role(0, Role.ACTIVE, 1);
            pair.role(1, Role.ACTIVE, 1);
            pair.peerUp(0, 1);
            pair.peerUp(1, 1);
            final SplittableRandom random = new SplittableRandom(6);
            assertTrue(pair.runUntil(() -> pair.engines[0].status().appliedSequence() >= 0 && pair.engines[1].isReady(), 1_000));
            for (int k = 0; k < 20; k++)
            {
                pair.runUntil(() -> false, 1);
                assertEquals(OfferResult.ACCEPTED, pair.upsert(0, EntryType.FIREWALL_SESSION, k, random));
                assertEquals(OfferResult.ACCEPTED, pair.upsert(1, EntryType.FIREWALL_SESSION, 1_000 + k, random));
            }
            assertTrue(pair.runUntil(() -> pair.table(0, EntryType.FIREWALL_SESSION).size() == 40 &&
                pair.table(1, EntryType.FIREWALL_SESSION).size() == 40, 2_000));
            assertEquals(2, pair.table(0, EntryType.FIREWALL_SESSION).owner(1_005), "member 1's entry tagged with its node id");
            assertEquals(1, pair.table(1, EntryType.FIREWALL_SESSION).owner(5), "member 0's entry tagged with its node id");
            assertNull(pair.difference());
            pair.peerDown(0);
            pair.engines[0].doWork(pair.clock.advance(EnginePair.STEP_NS));
            assertEquals(0, pair.table(0, EntryType.FIREWALL_SESSION).owner(1_005), "the survivor adopted the peer's entries");
        }
    }

    @Test
    void commitForTakeoverAppliesWhatArrivedAndFlushesEveryProvider()
    {
        try (EnginePair pair = new EnginePair(7, b -> b, HotStandbyListener.NO_OP, null))
        {
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady(), 1_000));
            final SplittableRandom random = new SplittableRandom(7);
            for (int k = 0; k < 100; k++)
            {
                pair.upsert(0, EntryType.PORTAL_USER, k, random);
            }
            // the active sends, the standby has not polled yet
            pair.engines[0].doWork(pair.clock.advance(EnginePair.STEP_NS));
            final AtomicReference<String> outcome = new AtomicReference<>();
            pair.engines[1].commitForTakeover(new HookCompletion()
            {
                @Override
                public void complete()
                {
                    outcome.set("complete");
                }

                @Override
                public void fail(final String reason)
                {
                    outcome.set(reason);
                }
            });
            assertNull(outcome.get(), "completed from the engine's own duty cycle");
            pair.engines[1].doWork(pair.clock.advance(EnginePair.STEP_NS));
            assertEquals("complete", outcome.get());
            assertEquals(100, pair.table(1, EntryType.PORTAL_USER).size(), "every received entry installed before completion");
            for (final EntryType type : EntryType.values())
            {
                assertEquals(1, pair.table(1, type).flushes(), type + " flushed");
            }
            assertNotNull(pair.table(1, EntryType.PORTAL_USER).encoded(99));
        }
    }

    private static OfferResult offerSession(final EnginePair pair, final long key, final long createdAtMs, final int flags)
    {
        final FirewallSessionWriter table = pair.localSinks[0][EntryType.FIREWALL_SESSION.code()].claimFirewallSession();
        table.key(key).createdAtMs(createdAtMs).flags(flags).srcIpv4(0x0a000001).dstIpv4(0x0a000002).protocol(17);
        table.commit();
        final FirewallSessionWriter w = pair.producers[0].claimFirewallSession();
        if (w == null)
        {
            return pair.producers[0].lastRejection();
        }
        w.key(key).createdAtMs(createdAtMs).flags(flags).srcIpv4(0x0a000001).dstIpv4(0x0a000002).protocol(17);
        return w.commit();
    }
}
