package io.hotstandby.impl.transport;

import io.hotstandby.codec.FrameDescriptor;

/**
 * Checks shared by the built-in transports for claim and commit lengths (frame contract in the
 * package documentation). Stateless; called on the owning agent's thread.
 */
public final class FrameLengths
{
    /** Smallest claim or commit: the length prefix and one body byte. */
    public static final int MIN_CLAIM_LENGTH = FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH + 1;

    private FrameLengths()
    {
    }

    /**
     * @param maxLength the requested claim, bytes, prefix included.
     * @throws IllegalArgumentException when it cannot hold a prefix and a body byte (a caller bug).
     */
    public static void checkClaim(final int maxLength)
    {
        if (maxLength < MIN_CLAIM_LENGTH)
        {
            throw new IllegalArgumentException(
                "claim of " + maxLength + " bytes cannot hold the length prefix and a body");
        }
    }

    /**
     * @param length  committed bytes, prefix included; 0 means abort and is not checked here.
     * @param claimed bytes of the open claim.
     * @throws IllegalArgumentException when the length is outside 5..claimed (a caller bug).
     */
    public static void checkCommit(final int length, final int claimed)
    {
        if (length < MIN_CLAIM_LENGTH || length > claimed)
        {
            throw new IllegalArgumentException(
                "commit of " + length + " bytes outside " + MIN_CLAIM_LENGTH + ".." + claimed);
        }
    }
}
