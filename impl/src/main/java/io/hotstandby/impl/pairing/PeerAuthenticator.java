package io.hotstandby.impl.pairing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pre-shared-key challenge-response between the two members (SPEC F3, G7): each side sends a fresh
 * random challenge in its Hello and answers the peer's with HMAC-SHA256 over the challenge, the
 * responder's node id and the challenger's node id (in that order, so that an answer can never be
 * reflected back to the side that asked). Verification compares in constant time.
 *
 * <p>Threading: conductor thread only. Control path: allocation is fine.
 */
public final class PeerAuthenticator
{
    /** Challenge length, bytes. */
    public static final int CHALLENGE_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final boolean enabled;
    private final Mac mac;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key the pre-shared key, or an empty array when authentication is disabled.
     */
    public PeerAuthenticator(final byte[] key)
    {
        enabled = key.length > 0;
        if (enabled)
        {
            try
            {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            }
            catch (final GeneralSecurityException ex)
            {
                throw new IllegalStateException("HMAC-SHA256 is not available", ex);
            }
        }
        else
        {
            mac = null;
        }
    }

    /** @return true when peers must prove they hold the key. */
    public boolean enabled()
    {
        return enabled;
    }

    /** @return a fresh random challenge, or an empty array when authentication is disabled. */
    public byte[] newChallenge()
    {
        if (!enabled)
        {
            return new byte[0];
        }
        final byte[] challenge = new byte[CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        return challenge;
    }

    /**
     * @param challenge       the challenger's nonce.
     * @param responderNodeId the node id of the member that answers.
     * @param challengerNodeId the node id of the member that asked.
     * @return the HMAC answer.
     */
    public byte[] respond(final byte[] challenge, final int responderNodeId, final int challengerNodeId)
    {
        if (!enabled)
        {
            throw new IllegalStateException("authentication is disabled");
        }
        mac.reset();
        mac.update(challenge);
        mac.update(ByteBuffer.allocate(8).putInt(responderNodeId).putInt(challengerNodeId).array());
        return mac.doFinal();
    }

    /**
     * @param challenge        the nonce this member sent.
     * @param responderNodeId  the peer's node id.
     * @param challengerNodeId this member's node id.
     * @param answer           what the peer sent.
     * @return true when the answer proves the peer holds the key (constant-time compare).
     */
    public boolean verify(final byte[] challenge, final int responderNodeId, final int challengerNodeId,
        final byte[] answer)
    {
        if (!enabled || challenge.length == 0)
        {
            return false;
        }
        return MessageDigest.isEqual(respond(challenge, responderNodeId, challengerNodeId), answer);
    }
}
