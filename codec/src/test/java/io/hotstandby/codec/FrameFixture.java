package io.hotstandby.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;
import org.agrona.sbe.MessageEncoderFlyweight;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encodes frames through {@link FrameWriter} into a scratch buffer, and hands back exact-size copies so
 * that any read past the frame throws (Agrona bounds checks) and fails the test.
 */
final class FrameFixture
{
    final UnsafeBuffer scratch = new UnsafeBuffer(new byte[FrameDescriptor.MAX_FRAME_LENGTH]);
    final FrameWriter writer = new FrameWriter();

    FrameWriter start()
    {
        scratch.setMemory(0, 64 * 1024, (byte)0);
        return writer.wrap(scratch, 0, scratch.capacity());
    }

    <E extends MessageEncoderFlyweight> FrameFixture append(final E encoder, final Consumer<E> fill)
    {
        fill.accept(writer.begin(encoder));
        writer.commit(encoder);
        return this;
    }

    UnsafeBuffer finish()
    {
        final int length = writer.finish();
        return copy(scratch, length);
    }

    <E extends MessageEncoderFlyweight> UnsafeBuffer single(final E encoder, final Consumer<E> fill)
    {
        start();
        return append(encoder, fill).finish();
    }

    static UnsafeBuffer copy(final UnsafeBuffer source, final int length)
    {
        final byte[] bytes = new byte[length];
        source.getBytes(0, bytes);
        return new UnsafeBuffer(bytes);
    }

    /** Validates a one-message frame and wraps the decoder on its message. */
    static void readSingle(final FrameReader reader, final UnsafeBuffer frame, final MessageDecoderFlyweight decoder)
    {
        assertEquals(FrameRejection.OK, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(frame.capacity(), reader.frameLength());
        assertEquals(1, reader.messageCount());
        assertTrue(reader.nextMessage());
        wrap(reader, frame, decoder);
    }

    static void wrap(final FrameReader reader, final UnsafeBuffer frame, final MessageDecoderFlyweight decoder)
    {
        assertEquals(decoder.sbeTemplateId(), reader.templateId());
        assertEquals(decoder.sbeSchemaId(), reader.schemaId());
        decoder.wrap(frame, reader.bodyOffset(), reader.actingBlockLength(), reader.actingVersion());
    }

    /** After all var data was read: the decoder ended exactly where the reader said the message ends. */
    static void assertConsumed(final FrameReader reader, final MessageDecoderFlyweight decoder)
    {
        assertEquals(reader.messageOffset() + reader.messageLength(), decoder.limit());
    }

    static void assertLast(final FrameReader reader)
    {
        assertFalse(reader.nextMessage());
    }

    static byte[] varBytes(final int length, final VarGetter getter)
    {
        final byte[] dst = new byte[length];
        final int copied = getter.get(dst, 0, length);
        assertEquals(length, copied);
        return dst;
    }

    @FunctionalInterface
    interface VarGetter
    {
        int get(byte[] dst, int dstOffset, int length);
    }
}
