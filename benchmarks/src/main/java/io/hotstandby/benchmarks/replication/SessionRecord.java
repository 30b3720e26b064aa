package io.hotstandby.benchmarks.replication;

import io.hotstandby.api.entry.FirewallSessionWriter;

/**
 * One operation of the standard workload (the 64-byte record of {@code WORKLOAD.md}), as fields; the
 * benchmark replicates it as a firewall session, the lag stamp in {@code lastSeenMs}. Mutable and
 * reused by the producer thread.
 */
final class SessionRecord
{
    int srcIp;
    int dstIp;
    int srcPort;
    int dstPort;
    int protocol;
    byte state;
    int zone;
    long sessionId;
    long created;
    long lastSeen;
    long bytes;
    long packets;
    int natIp;
    int natPort;

    /** @param w a claimed writer; every field of the record is written, then committed by the caller. */
    void writeTo(final FirewallSessionWriter w)
    {
        w.key(sessionId).srcIpv4(srcIp).dstIpv4(dstIp).srcPort(srcPort).dstPort(dstPort).protocol(protocol)
            .state(state).zone(zone).createdAtMs(created).lastSeenMs(lastSeen).bytes(bytes).packets(packets)
            .natIpv4(natIp).natPort(natPort);
    }
}
