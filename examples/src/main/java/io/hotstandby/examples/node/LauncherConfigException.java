package io.hotstandby.examples.node;

/**
 * A launcher configuration the node cannot run with, naming the launcher key at fault (the file key,
 * which is also the flag name without {@code --}). {@link NodeLauncher} prints {@link #getMessage()} as
 * one line on stderr and exits with code 2.
 */
public final class LauncherConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key  the launcher key, e.g. {@code control-peer}.
     * @param rule what is wrong, in operator words.
     */
    public LauncherConfigException(final String key, final String rule)
    {
        super(key + ": " + rule);
        this.key = key;
    }

    /** @return the launcher key at fault. */
    public String key()
    {
        return key;
    }
}
