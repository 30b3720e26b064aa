package io.hotstandby.api.state;

/** State of a host track entry as the host reports it (SPEC D6). */
public enum TrackState
{
    /** The tracked object is up. */
    POSITIVE,
    /** The tracked object is down: a monitored entry triggers a switchover. */
    NEGATIVE,
    /** Not known yet; treated as Positive. */
    NOT_READY
}
