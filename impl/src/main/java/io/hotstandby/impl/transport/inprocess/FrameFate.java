package io.hotstandby.impl.transport.inprocess;

/** What {@link LinkFaults} decides for one frame sent over an in-process link. */
public enum FrameFate
{
    /** Delivered in order. */
    DELIVER,
    /** Silently lost. */
    DROP,
    /**
     * Held until {@link LinkFaults#delayUntilNs}: delivered when the receiver polls at or after that
     * time; frames behind it wait too, as on a stream.
     */
    DELAY,
    /** Held back and delivered right after the next frame sent on the link, whatever that frame's fate. */
    REORDER,
    /** Delivered twice. */
    DUPLICATE
}
