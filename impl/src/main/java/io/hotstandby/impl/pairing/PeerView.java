package io.hotstandby.impl.pairing;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;

/**
 * What this member knows of its peer, as learnt from the Hello, the PairingTerms (once the peer proved
 * the key) and then from keepalives and role
 * announcements (SPEC A3, A7). Mutable; owned by the conductor.
 *
 * <p>Threading: conductor thread only.
 */
public final class PeerView
{
    int nodeId;
    int priority;
    int health = -1;
    int protocolVersion;
    Mode mode;
    RolePolicy rolePolicy;
    boolean authRequired;
    boolean strictFingerprint;
    boolean ready;
    String softwareVersion;
    byte[] fingerprint = new byte[0];
    byte[] challenge = new byte[0];
    FailoverState state;
    Role role = Role.UNDECIDED;
    long epoch;

    /** Forgets everything (a new connection). */
    void clear()
    {
        nodeId = 0;
        priority = -1;
        health = -1;
        protocolVersion = 0;
        mode = null;
        rolePolicy = null;
        authRequired = false;
        strictFingerprint = false;
        ready = false;
        softwareVersion = null;
        fingerprint = new byte[0];
        challenge = new byte[0];
        state = null;
        role = Role.UNDECIDED;
        epoch = 0;
    }

    /** @return the peer's node id, 0 when unknown. */
    public int nodeId()
    {
        return nodeId;
    }

    /** @return the peer's priority, -1 when unknown. */
    public int priority()
    {
        return priority;
    }

    /** @return the peer's last reported health (0..100), -1 when unknown. */
    public int health()
    {
        return health;
    }

    /** @return the peer's role policy, or null. */
    public RolePolicy rolePolicy()
    {
        return rolePolicy;
    }

    /** @return the peer's last announced role. */
    public Role role()
    {
        return role;
    }

    /** @return the peer's last announced state, or null. */
    public FailoverState state()
    {
        return state;
    }

    /** @return the peer's software version, or null. */
    public String softwareVersion()
    {
        return softwareVersion;
    }

    /** @return the highest epoch received from the peer. */
    public long epoch()
    {
        return epoch;
    }
}
