package io.hotstandby.examples.firewall;

import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.hook.VrrpHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The toy firewall's VRRP (SPEC D1): it owns no socket; it logs the state the library puts each group
 * in, remembers it for anyone who asks, and acknowledges at once. Called on the library's conductor
 * thread; {@link #state} may be read from any thread.
 */
public final class ToyVrrpGroup implements VrrpHook
{
    private static final Logger LOG = LoggerFactory.getLogger(ToyVrrpGroup.class);

    private final String name;
    private final Map<Integer, GroupState> states = new ConcurrentHashMap<>();

    /** @param name the device's name, for the logs. */
    public ToyVrrpGroup(final String name)
    {
        this.name = name;
    }

    @Override
    public void setGroupState(final int vrid, final String interfaceName, final GroupState state,
        final HookCompletion completion)
    {
        final GroupState previous = states.put(vrid, state);
        if (state == GroupState.MASTER)
        {
            LOG.info("{}: VRRP group {} on {} -> MASTER (was {}): owning the virtual router, sending advertisements",
                name, vrid, interfaceName, previous);
        }
        else
        {
            LOG.info("{}: VRRP group {} on {} -> BACKUP (was {}): silent, listening for the master",
                name, vrid, interfaceName, previous);
        }
        completion.complete();
    }

    /** @param vrid a VRRP group. @return its last state, or null when never set. */
    public GroupState state(final int vrid)
    {
        return states.get(vrid);
    }
}
