package io.hotstandby.examples.demo;

/**
 * The outcome of one pair demo run. Immutable.
 *
 * @param sessionOps          session operations A ran (creates, updates, deletes).
 * @param portBlocks          NAT port blocks A allocated.
 * @param leases              DHCP leases A granted.
 * @param sentSeq             the last sequence A had sent when it was killed.
 * @param ackedSeq            the last sequence B had acknowledged to A when A was killed.
 * @param opsAcknowledged     session operations covered by {@code ackedSeq}.
 * @param opsOnNewActive      session operations B's table reflects (-1 when it reflects no prefix).
 * @param sessionsOnNewActive sessions in B's table after the takeover.
 * @param sessionsExpected    sessions A held as of {@code opsAcknowledged}.
 * @param portBlocksOnNewActive port blocks in B's pool.
 * @param leasesOnNewActive   leases in B's pool.
 * @param lost                acknowledged entries missing or stale on B (must be 0).
 * @param detectionMs         from the kill to B declaring the peer lost, ms (-1 if never).
 * @param takeoverMs          from that to the end of B's takeover pipeline, ms (-1 if never).
 * @param takeoverCompleted   true when B became active and ran every takeover step.
 * @param vrrpMaster          true when B's VRRP group is master.
 * @param floatingIpHeld      true when B holds the floating IP.
 * @param protocolErrors      frames either member refused (and dropped the connection for) during the run.
 */
public record DemoSummary(long sessionOps, int portBlocks, int leases, long sentSeq, long ackedSeq,
    long opsAcknowledged, long opsOnNewActive, long sessionsOnNewActive, long sessionsExpected,
    long portBlocksOnNewActive, long leasesOnNewActive, long lost, double detectionMs, double takeoverMs,
    boolean takeoverCompleted, boolean vrrpMaster, boolean floatingIpHeld, long protocolErrors)
{
    /** @return true when nothing acknowledged was lost and B took over completely. */
    public boolean passed()
    {
        return lost == 0 && opsOnNewActive >= opsAcknowledged && takeoverCompleted && vrrpMaster && floatingIpHeld;
    }

    /** @param p where to print the summary block. */
    public void print(final ConsolePrinter p)
    {
        p.raw("");
        p.raw("==================== summary ====================");
        p.raw(String.format("entries created on A      : %,d session operations, %,d NAT port blocks, %,d DHCP leases",
            sessionOps, portBlocks, leases));
        p.raw(String.format("sent / acknowledged       : sequence %,d sent, %,d acknowledged by B (%,d session operations)",
            sentSeq, ackedSeq, opsAcknowledged));
        p.raw(String.format("present on the new active : %,d sessions (as of operation %,d), %,d port blocks, %,d leases",
            sessionsOnNewActive, opsOnNewActive, portBlocksOnNewActive, leasesOnNewActive));
        p.raw(String.format("expected (acknowledged)   : %,d sessions as of operation %,d", sessionsExpected, opsAcknowledged));
        p.raw(String.format("lost                      : %,d", lost));
        p.raw(String.format("detection time            : %.1f ms", detectionMs));
        p.raw(String.format("takeover time             : %.1f ms (commit entries, program forwarding, announce)", takeoverMs));
        p.raw("takeover                  : " + (takeoverCompleted ? "completed" : "NOT completed") +
            ", VRRP " + (vrrpMaster ? "master" : "not master") + ", floating IP " + (floatingIpHeld ? "held" : "not held"));
        p.raw(String.format("frames refused            : %,d", protocolErrors));
        p.raw("result                    : " + (passed() ? "PASS - nothing acknowledged was lost" : "FAIL"));
        p.raw("=================================================");
    }
}
