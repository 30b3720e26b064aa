package io.hotstandby.api.config;

/**
 * A host track entry monitored by hot backup (SPEC D6, A7): when the host reports it Negative, the
 * member asks for a switchover. Immutable.
 *
 * @param trackId          the host's track entry id, 1..1024.
 * @param watchedInterface the interface the track entry watches, or null when it watches something
 *                         else (a path, a BFD session). A9 forbids tracking an interface that is also
 *                         a monitored interface.
 */
public record TrackMonitor(int trackId, String watchedInterface)
{
}
