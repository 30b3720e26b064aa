package io.hotstandby.codec;

import org.agrona.DirectBuffer;

/**
 * Receives the messages of a frame that {@link FrameReader} has validated, in wire order. Called on
 * the reader's thread (the agent polling the channel); the buffer is valid only during the call.
 * Decode in place with decoders kept as final fields:
 * <pre>{@code
 * public void onMessage(int schemaId, int templateId, int actingBlockLength, int actingVersion,
 *                       DirectBuffer buffer, int offset, int length)
 * {
 *     switch (templateId)
 *     {
 *         case KeepaliveDecoder.TEMPLATE_ID:
 *             keepaliveDecoder.wrap(buffer, offset, actingBlockLength, actingVersion);
 *             ...
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface FrameMessageHandler
{
    /**
     * @param schemaId          the message's schema id, that of the reader's {@link WireSchema}.
     * @param templateId        the message's template id, known to the schema.
     * @param actingBlockLength the block length from the message header (entry header inside a batch), to pass to the decoder's wrap.
     * @param actingVersion     the schema version from the message header (the batch header's for an entry), to pass to the decoder's wrap.
     * @param buffer            holds the frame.
     * @param offset            where the message's root block starts (just after its header): the decoder's wrap offset.
     * @param length            bytes of root block and var data, header excluded.
     */
    void onMessage(
        int schemaId,
        int templateId,
        int actingBlockLength,
        int actingVersion,
        DirectBuffer buffer,
        int offset,
        int length);
}
