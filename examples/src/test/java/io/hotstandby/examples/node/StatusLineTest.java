package io.hotstandby.examples.node;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.api.status.HotStandbyStatus;
import io.hotstandby.api.status.PeerStatus;
import io.hotstandby.api.status.ReplicationStatus;
import io.hotstandby.api.status.Switchover;
import io.hotstandby.examples.support.Json;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusLineTest
{
    @Test
    void carriesEveryFieldTheLauncherPromisesOnOneLine()
    {
        final Map<EntryType, Long> entries = new EnumMap<>(EntryType.class);
        entries.put(EntryType.FIREWALL_SESSION, 1234L);
        final HotStandbyStatus status = new HotStandbyStatus(1_000L, 2, 1, FailoverState.INDEPENDENCE, Role.ACTIVE,
            Mode.ACTIVE_STANDBY, RolePolicy.AUTO, 5, 100,
            new PeerStatus(1, "127.0.0.1", FailoverState.SYNCHRONIZATION, Role.STANDBY, "0.1.0", 100, 200),
            ChannelState.DOWN, ChannelState.DOWN, null, entries, Map.of(),
            new ReplicationStatus(10, 9, 8, 1, 250, false, 12, 0), true, true,
            new Switchover(Role.STANDBY, Role.ACTIVE, SwitchoverReason.PEER_LOST, "connection reset", 999L, 5),
            0, null);

        final String line = StatusLine.format(status, 777, 3, 0);

        assertTrue(line.startsWith("{") && line.endsWith("}") && !line.contains("\n"), line);
        assertEquals(1_000, Json.number(line, "time"));
        assertEquals(2, Json.number(line, "node"));
        assertEquals("INDEPENDENCE", Json.text(line, "state"));
        assertEquals("ACTIVE", Json.text(line, "role"));
        assertEquals("ACTIVE_STANDBY", Json.text(line, "mode"));
        assertEquals(5, Json.number(line, "epoch"));
        assertEquals("DOWN", Json.text(line, "control"));
        assertEquals("DOWN", Json.text(line, "data"));
        assertEquals(1234, Json.number(line, "FIREWALL_SESSION"));
        assertEquals(10, Json.number(line, "sentSeq"));
        assertEquals(9, Json.number(line, "ackedSeq"));
        assertEquals(8, Json.number(line, "appliedSeq"));
        assertEquals(1, Json.number(line, "lagEntries"));
        assertEquals(250, Json.number(line, "lagMicros"));
        assertTrue(line.contains("\"ready\":true"), line);
        assertTrue(line.contains("\"peer\":{\"nodeId\":1"), line);
        assertTrue(line.contains("\"lastSwitchover\":{\"from\":\"STANDBY\",\"to\":\"ACTIVE\",\"reason\":\"PEER_LOST\""), line);
        assertEquals(999, Json.number(line.substring(line.indexOf("\"lastSwitchover\"")), "at"));
        assertEquals(777, Json.number(line, "created"));
        assertEquals(3, Json.number(line, "offersRejected"));
        assertEquals(0, Json.number(line, "seqBase"));
    }
}
