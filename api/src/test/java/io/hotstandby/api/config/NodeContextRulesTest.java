package io.hotstandby.api.config;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.hook.InterfaceHook;
import org.junit.jupiter.api.Test;

import static io.hotstandby.api.config.PairConfigRulesTest.ip;
import static io.hotstandby.api.config.PairConfigRulesTest.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A configuration that needs a host hook is refused when the hook is missing (A6, D1-D3, D5). */
class NodeContextRulesTest
{
    private static void missing(final PairConfig config, final String field)
    {
        final ConfigException e = assertThrows(ConfigException.class, () -> NodeContext.builder(config).build());
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void vrrpBindingsNeedTheVrrpHook()
    {
        missing(valid().bindVrrp(new VrrpBinding(1, "eth0", BackupGroup.ACTIVE_GROUP)).build(), "vrrpHook");
    }

    @Test
    void virtualIpsNeedTheVirtualIpHook()
    {
        missing(valid().virtualIp(ip("192.0.2.7")).build(), "virtualIpHook");
    }

    @Test
    void routeCostsNeedTheRouteCostHook()
    {
        missing(valid().routeCost(new RouteCostPolicy(RoutingProtocol.BGP, RouteCostPolicy.Adjustment.INCREMENTAL, 10))
            .build(), "routeCostHook");
    }

    @Test
    void mirroringNeedsTheInterfaceHook()
    {
        final PairConfig mirroring = valid().mode(Mode.MIRRORING).managementInterface("mgmt0").build();
        missing(mirroring, "interfaceHook");
        final InterfaceHook hook = (name, mode, completion) -> completion.complete();
        assertEquals(hook, NodeContext.builder(mirroring).interfaceHook(hook).build().interfaceHook());
    }
}
