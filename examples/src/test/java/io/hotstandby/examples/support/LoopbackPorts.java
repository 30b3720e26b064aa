package io.hotstandby.examples.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a free pair of consecutive TCP ports on a loopback address (control port, data port). */
public final class LoopbackPorts
{
    private LoopbackPorts()
    {
    }

    /**
     * @param address the loopback address that will listen (the member with the higher address).
     * @return a port p such that p and p + 1 were both free on it.
     * @throws IOException when no pair was found.
     */
    public static int freePair(final InetAddress address) throws IOException
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            final int port;
            try (ServerSocket first = new ServerSocket())
            {
                first.setReuseAddress(true);
                first.bind(new InetSocketAddress(address, 0));
                port = first.getLocalPort();
            }
            if (port >= 65_534)
            {
                continue;
            }
            if (free(address, port) && free(address, port + 1))
            {
                return port;
            }
        }
        throw new IOException("no free consecutive port pair on " + address);
    }

    private static boolean free(final InetAddress address, final int port)
    {
        try (ServerSocket s = new ServerSocket())
        {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, port));
            return true;
        }
        catch (final IOException e)
        {
            return false;
        }
    }
}
