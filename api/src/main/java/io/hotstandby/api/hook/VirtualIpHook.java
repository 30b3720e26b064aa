package io.hotstandby.api.hook;

import java.net.InetAddress;

/**
 * Floating IPs (SPEC D2): only the active answers ARP/ND for them. Called on the conductor thread in
 * {@link TakeoverStep#ANNOUNCE}; must return at once.
 */
public interface VirtualIpHook
{
    /**
     * Start answering for the address and announce it (gratuitous ARP / unsolicited NA).
     *
     * @param address    the floating IP.
     * @param completion to acknowledge.
     */
    void claim(InetAddress address, HookCompletion completion);

    /**
     * Stop answering for the address.
     *
     * @param address    the floating IP.
     * @param completion to acknowledge.
     */
    void release(InetAddress address, HookCompletion completion);
}
