package io.hotstandby.impl.pairing;

import java.util.Arrays;

import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.codec.control.HelloRefusal;

/**
 * The pairing rules checked on the peer's Hello and PairingTerms once it has authenticated (SPEC A3, A5, F4): the
 * combinations the seeds forbid refuse the pairing with a code and a reason the host can show.
 * Pure function of the two configurations.
 *
 * <p>Threading: any; stateless.
 */
public final class HandshakeRules
{
    /**
     * A refusal: the code sent to the peer and the text shown to the host.
     *
     * @param code   the wire code.
     * @param reason human-readable reason.
     */
    public record Refusal(HelloRefusal code, String reason)
    {
    }

    private HandshakeRules()
    {
    }

    /**
     * @param local       this member's configuration.
     * @param ownVersion  this member's protocol version.
     * @param peer        the peer's Hello and PairingTerms.
     * @return null when the pairing is allowed, otherwise why not.
     */
    public static Refusal check(final PairConfig local, final int ownVersion, final PeerView peer)
    {
        if (Math.abs(peer.protocolVersion - ownVersion) > FrameDescriptor.MAX_VERSION_DISTANCE)
        {
            return new Refusal(HelloRefusal.VERSION_GAP, "protocol versions " + ownVersion + " and " +
                peer.protocolVersion + " are more than " + FrameDescriptor.MAX_VERSION_DISTANCE + " apart");
        }
        if (peer.nodeId == local.nodeId())
        {
            return new Refusal(HelloRefusal.SAME_NODE_ID, "both members use node id " + peer.nodeId);
        }
        if (peer.mode != local.mode())
        {
            return new Refusal(HelloRefusal.MODE_MISMATCH, "mode " + local.mode() + " here, " + peer.mode + " on the peer");
        }
        if (!peer.rolePolicy.allowedIn(peer.mode))
        {
            return new Refusal(HelloRefusal.POLICY_NOT_ALLOWED, "role policy " + peer.rolePolicy + " is not allowed in " +
                peer.mode);
        }
        final RolePolicy own = local.rolePolicy();
        if (own == RolePolicy.PRIMARY && peer.rolePolicy == RolePolicy.PRIMARY)
        {
            return new Refusal(HelloRefusal.BOTH_PRIMARY, "both members are manual primary");
        }
        if (own == RolePolicy.SECONDARY && peer.rolePolicy == RolePolicy.SECONDARY)
        {
            return new Refusal(HelloRefusal.BOTH_SECONDARY, "both members are manual secondary");
        }
        if ((own == RolePolicy.AUTO) != (peer.rolePolicy == RolePolicy.AUTO))
        {
            return new Refusal(HelloRefusal.POLICY_MISMATCH, "role policy " + own + " here, " + peer.rolePolicy +
                " on the peer: both manual or both auto");
        }
        if ((local.strictFingerprint() || peer.strictFingerprint) &&
            !Arrays.equals(fingerprintBytes(local), peer.fingerprint))
        {
            return new Refusal(HelloRefusal.FINGERPRINT_MISMATCH, "hardware/software fingerprints differ");
        }
        return null;
    }

    /**
     * @param config a configuration.
     * @return its fingerprint as sent on the wire, at most 255 bytes of UTF-8.
     */
    public static byte[] fingerprintBytes(final PairConfig config)
    {
        final String fingerprint = config.fingerprint();
        if (fingerprint == null)
        {
            return new byte[0];
        }
        final byte[] bytes = fingerprint.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return bytes.length > FrameDescriptor.MAX_FINGERPRINT_LENGTH ?
            Arrays.copyOf(bytes, FrameDescriptor.MAX_FINGERPRINT_LENGTH) : bytes;
    }
}
