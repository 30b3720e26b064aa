package io.hotstandby.api.config;

import java.util.Arrays;

/**
 * How the two members authenticate each other (SPEC F3, G7). Authentication is on by default: a
 * {@link PairConfig} without a pre-shared key is refused unless the host calls
 * {@link #disabled()} explicitly, and a disabled configuration says so in the status.
 *
 * <p>With a pre-shared key, each side sends a random challenge in its hello and answers the peer's
 * with an HMAC-SHA256 over the challenge and both node ids; a peer that fails is dropped and learns
 * nothing of the configuration. Immutable; the key is copied in and never exposed except to the
 * implementation through {@link #copyOfKey()}.
 */
public final class Authentication
{
    /** Shortest pre-shared key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;
    /** Longest pre-shared key accepted, in bytes. */
    public static final int MAX_KEY_BYTES = 256;

    private static final Authentication DISABLED = new Authentication(null);

    private final byte[] key;

    private Authentication(final byte[] key)
    {
        this.key = key;
    }

    /**
     * @param key the shared secret, {@value #MIN_KEY_BYTES}..{@value #MAX_KEY_BYTES} bytes; copied.
     * @return HMAC challenge-response authentication with that key. Length is checked at build time.
     */
    public static Authentication preSharedKey(final byte[] key)
    {
        return new Authentication(key == null ? new byte[0] : key.clone());
    }

    /** @return no authentication: only for labs; the status reports it. */
    public static Authentication disabled()
    {
        return DISABLED;
    }

    /** @return true when peers must prove they hold the key. */
    public boolean enabled()
    {
        return key != null;
    }

    /** @return the key length in bytes, 0 when disabled. */
    public int keyLength()
    {
        return key == null ? 0 : key.length;
    }

    /** @return a copy of the key for the implementation's HMAC, or an empty array when disabled. */
    public byte[] copyOfKey()
    {
        return key == null ? new byte[0] : key.clone();
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Authentication other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString()
    {
        return enabled() ? "psk(" + key.length + " bytes)" : "disabled";
    }
}
