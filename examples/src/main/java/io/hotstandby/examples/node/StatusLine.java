package io.hotstandby.examples.node;

import io.hotstandby.api.status.HotStandbyStatus;

/**
 * One line of the launcher's output: the library's status JSON ({@link HotStandbyStatus#toJson()},
 * SPEC F1) with the toy firewall's traffic figures appended: {@code created} (sessions operations
 * generated: creates, updates and deletes), {@code offersRejected} (offers the library refused) and
 * {@code seqBase} (the member's sent sequence when its generated traffic started, so that operation
 * {@code n} went out as sequence {@code seqBase + n}; -1 before any traffic). Control path.
 */
public final class StatusLine
{
    private StatusLine()
    {
    }

    /**
     * @param status         the snapshot.
     * @param created        operations generated so far.
     * @param offersRejected offers refused so far.
     * @param seqBase        sent sequence at traffic start, or -1.
     * @return one JSON object, no line break.
     */
    public static String format(final HotStandbyStatus status, final long created, final long offersRejected,
        final long seqBase)
    {
        final String json = status.toJson();
        final int end = json.lastIndexOf('}');
        return json.substring(0, end) + ",\"created\":" + created + ",\"offersRejected\":" + offersRejected +
            ",\"seqBase\":" + seqBase + '}';
    }
}
