package io.hotstandby.api.status;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status as JSON carries every field an operator's tooling reads (F1) and escapes text. */
class HotStandbyStatusJsonTest
{
    @Test
    void statusJsonHasTheOperatorFields()
    {
        final Map<EntryType, Long> local = new EnumMap<>(EntryType.class);
        local.put(EntryType.FIREWALL_SESSION, 42L);
        final HotStandbyStatus s = new HotStandbyStatus(1000, 1, 1, FailoverState.SYNCHRONIZATION, Role.ACTIVE,
            Mode.ACTIVE_STANDBY, RolePolicy.AUTO, 7, 100,
            new PeerStatus(2, "10.0.0.2", FailoverState.SYNCHRONIZATION, Role.STANDBY, "1.0", 100, 100),
            ChannelState.UP, ChannelState.UP, null, local, Map.of(),
            new ReplicationStatus(10, 9, 0, 1, 15, false, 120, 0), true, true,
            new Switchover(Role.STANDBY, Role.ACTIVE, SwitchoverReason.PEER_LOST, "keepalive \"3\" missed", 999, 7), 0, null);
        final String json = s.toJson();
        for (final String field : new String[]{"\"time\":1000", "\"node\":1", "\"state\":\"SYNCHRONIZATION\"",
            "\"role\":\"ACTIVE\"", "\"mode\":\"ACTIVE_STANDBY\"", "\"epoch\":7", "\"control\":\"UP\"", "\"data\":\"UP\"",
            "\"entries\":{\"FIREWALL_SESSION\":42}", "\"sentSeq\":10", "\"ackedSeq\":9", "\"appliedSeq\":0",
            "\"lagEntries\":1", "\"lagMicros\":15", "\"ready\":true", "\"reason\":\"PEER_LOST\"", "\"at\":999",
            "\"peer\":{\"nodeId\":2", "keepalive \\\"3\\\" missed"})
        {
            assertTrue(json.contains(field), () -> field + " missing in " + json);
        }
        assertEquals('{', json.charAt(0));
        assertEquals('}', json.charAt(json.length() - 1));
        assertEquals(json.chars().filter(c -> c == '{').count(), json.chars().filter(c -> c == '}').count());
    }
}
