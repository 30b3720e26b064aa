package io.hotstandby.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;
import org.agrona.sbe.MessageEncoderFlyweight;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written layouts the reader relies on agree with the generated codecs, and the wire codes
 * agree with the api module's codes (which this module does not depend on, so they are spelled here).
 */
class WireSchemaTest
{
    private static final String[] CONTROL_MESSAGES = {
        "Hello", "AuthResponse", "HelloAccept", "HelloRefuse", "Keepalive", "KeepaliveAck", "RoleAnnounce",
        "SwitchoverRequest", "SwitchoverResponse", "OperatorCommandRequest", "OperatorCommandResult",
        "ConfigDigest", "ConfigChunk", "PairingTerms" };
    private static final String[] REPLICATION_MESSAGES = {
        "BatchHeader", "FirewallSession", "NatPortBlock", "DhcpLease", "PortalUser", "LastHop", "CustomEntry",
        "EntryDelete", "Ack", "ResyncRequest", "BulkBegin", "BulkEnd", "ReplicationHeartbeat",
        "RangeDigestRequest", "RangeDigest", "FirewallSessionV4",
        "ReconcileBegin", "ReconcileEnd", "ReconcileAck" };

    @Test
    void schemaIdsAndVersions()
    {
        assertEquals(0x4853, WireSchema.CONTROL.schemaId());
        assertEquals(0x4852, WireSchema.REPLICATION.schemaId());
        assertEquals(1, WireSchema.CONTROL.schemaVersion());
        assertEquals(1, WireSchema.REPLICATION.schemaVersion());
        assertTrue(WireSchema.CONTROL.isCompatibleVersion(0));
        assertTrue(WireSchema.CONTROL.isCompatibleVersion(2));
        assertTrue(!WireSchema.CONTROL.isCompatibleVersion(3));
    }

    @Test
    void layoutsMatchGeneratedControlCodecs() throws Exception
    {
        checkLayouts(WireSchema.CONTROL, "io.hotstandby.codec.control.", CONTROL_MESSAGES);
    }

    @Test
    void layoutsMatchGeneratedReplicationCodecs() throws Exception
    {
        checkLayouts(WireSchema.REPLICATION, "io.hotstandby.codec.replication.", REPLICATION_MESSAGES);
    }

    @Test
    void everyTemplateOfTheSchemaHasALayout()
    {
        int control = 0;
        int replication = 0;
        for (int id = 0; id < 65536; id++)
        {
            control += WireSchema.CONTROL.isKnownTemplate(id) ? 1 : 0;
            replication += WireSchema.REPLICATION.isKnownTemplate(id) ? 1 : 0;
        }
        assertEquals(CONTROL_MESSAGES.length, control);
        assertEquals(REPLICATION_MESSAGES.length, replication);
    }

    @Test
    void wireCodesAreTheApiCodes()
    {
        assertCodes(io.hotstandby.codec.control.Mode.values(), "ACTIVE_STANDBY", 1, "MIRRORING", 2, "DUAL_ACTIVE", 3);
        assertCodes(io.hotstandby.codec.control.RolePolicy.values(), "PRIMARY", 1, "SECONDARY", 2, "AUTO", 3);
        assertCodes(io.hotstandby.codec.control.Role.values(), "UNDECIDED", 0, "ACTIVE", 1, "STANDBY", 2);
        assertCodes(
            io.hotstandby.codec.control.FailoverState.values(), "SILENCE", 1, "INDEPENDENCE", 2, "SYNCHRONIZATION", 3);
        final Object[] entryTypes = {
            "FIREWALL_SESSION", 1, "NAT_PORT_BLOCK", 2, "DHCP_LEASE", 3, "PORTAL_USER", 4, "LAST_HOP", 5, "CUSTOM", 6 };
        assertCodes(io.hotstandby.codec.replication.EntryType.values(), entryTypes);
        assertCodes(io.hotstandby.codec.replication.EntryOp.values(), "UPSERT", 1, "DELETE", 2);
        assertCodes(
            io.hotstandby.codec.control.OperatorCommand.values(),
            "SWITCH_TO_ACTIVE", 1, "SWITCH_TO_STANDBY", 2, "SWITCH_PEER_TO_ACTIVE", 3, "SWITCH_PEER_TO_STANDBY", 4,
            "RESET", 5, "SYNC_CONFIG_NOW", 6, "CHECK_CONSISTENCY_NOW", 7);
        assertCodes(io.hotstandby.codec.control.CommandOutcome.values(), "DONE", 1, "REFUSED", 2);
        assertCodes(
            io.hotstandby.codec.control.SwitchoverReason.values(),
            "ELECTION", 1, "SILENCE_TIMEOUT", 2, "PEER_LOST", 3, "TRACK_NEGATIVE", 4, "INTERFACE_DOWN", 5, "HEALTH", 6,
            "OPERATOR", 7, "PREEMPT", 8, "SPLIT_BRAIN_RESOLVED", 9, "PEER_REQUEST", 10, "RESET", 11);
    }

    @Test
    void epochLeadsEveryControlMessageAndKeyAndOpLeadEveryEntry() throws Exception
    {
        for (final String name : CONTROL_MESSAGES)
        {
            final Class<?> decoder = Class.forName("io.hotstandby.codec.control." + name + "Decoder");
            assertEquals(0, staticInt(decoder, "epochEncodingOffset"), name);
        }
        final String[] entries = { "FirewallSession", "NatPortBlock", "DhcpLease", "PortalUser", "LastHop", "CustomEntry" };
        for (final String name : entries)
        {
            final Class<?> decoder = Class.forName("io.hotstandby.codec.replication." + name + "Decoder");
            assertEquals(0, staticInt(decoder, "keyEncodingOffset"), name);
            assertEquals(8, staticInt(decoder, "opEncodingOffset"), name);
            final int templateId = ((MessageDecoderFlyweight)decoder.getConstructor().newInstance()).sbeTemplateId();
            assertEquals(MessageLayout.KIND_ENTRY, WireSchema.REPLICATION.layout(templateId).kind, name);
        }
        assertEquals(0, io.hotstandby.codec.replication.EntryDeleteDecoder.keyEncodingOffset());
        assertEquals(0, io.hotstandby.codec.replication.BatchHeaderDecoder.epochEncodingOffset());
    }

    @Test
    void unknownEnumCodesDecodeWithoutThrowing()
    {
        assertEquals(io.hotstandby.codec.replication.EntryOp.SBE_UNKNOWN, io.hotstandby.codec.replication.EntryOp.get((short)77));
        assertEquals(io.hotstandby.codec.control.Mode.SBE_UNKNOWN, io.hotstandby.codec.control.Mode.get((short)0));
    }

    private static void assertCodes(final Enum<?>[] values, final Object... nameCodePairs)
    {
        final Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < nameCodePairs.length; i += 2)
        {
            expected.put((String)nameCodePairs[i], (Integer)nameCodePairs[i + 1]);
        }
        final Map<String, Integer> actual = new LinkedHashMap<>();
        for (final Enum<?> value : values)
        {
            if (!"SBE_UNKNOWN".equals(value.name()) && !"NULL_VAL".equals(value.name()))
            {
                actual.put(value.name(), wireValue(value));
            }
        }
        assertEquals(expected, actual);
    }

    private static int wireValue(final Enum<?> value)
    {
        try
        {
            return ((Number)value.getClass().getMethod("value").invoke(value)).intValue();
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static void checkLayouts(final WireSchema schema, final String prefix, final String[] names) throws Exception
    {
        for (final String name : names)
        {
            final Class<?> decoderClass = Class.forName(prefix + name + "Decoder");
            final Class<?> encoderClass = Class.forName(prefix + name + "Encoder");
            final MessageDecoderFlyweight decoder = (MessageDecoderFlyweight)decoderClass.getConstructor().newInstance();
            final MessageLayout layout = schema.layout(decoder.sbeTemplateId());
            assertNotNull(layout, name);
            assertEquals(name, layout.name);
            assertEquals(decoder.sbeBlockLength(), layout.blockLength, name);
            assertEquals(schema.schemaId(), decoder.sbeSchemaId(), name);

            for (int v = Math.max(0, schema.schemaVersion() - 1); v <= schema.schemaVersion() + 1; v++)
            {
                assertEquals(blockLengthAt(decoderClass, v), layout.minBlockLength(v), name + " at version " + v);
            }

            final List<String> varFields = varDataFields(decoderClass);
            assertEquals(varFields.size(), layout.varDataCount(), name + " var data " + varFields);
            for (int i = 0; i < varFields.size(); i++)
            {
                final String field = varFields.get(i);
                assertEquals(
                    staticInt(decoderClass, field + "SinceVersion"), layout.varSinceVersion(i), name + "." + field);
                assertEquals(
                    FrameDescriptor.VAR_DATA_LENGTH_FIELD_LENGTH,
                    staticInt(decoderClass, field + "HeaderLength"),
                    name + "." + field);
                assertEncoderMaxLength(encoderClass, field, layout.varMaxLength(i));
            }
        }
    }

    /** The encoder accepts exactly the maximum the reader enforces, and refuses one more byte. */
    private static void assertEncoderMaxLength(final Class<?> encoderClass, final String field, final int max)
        throws Exception
    {
        final MessageEncoderFlyweight encoder = (MessageEncoderFlyweight)encoderClass.getConstructor().newInstance();
        final Method put = encoderClass.getMethod(
            "put" + Character.toUpperCase(field.charAt(0)) + field.substring(1), byte[].class, int.class, int.class);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128 * 1024]);

        encoder.wrap(buffer, 0);
        put.invoke(encoder, new byte[max], 0, max);

        encoder.wrap(buffer, 0);
        final InvocationTargetException ex = assertThrows(
            InvocationTargetException.class, () -> put.invoke(encoder, new byte[max + 1], 0, max + 1));
        assertInstanceOf(IllegalStateException.class, ex.getCause(), field);
    }

    private static List<String> varDataFields(final Class<?> decoderClass) throws Exception
    {
        final List<String> fields = new ArrayList<>();
        for (final Method method : decoderClass.getMethods())
        {
            final String methodName = method.getName();
            if (Modifier.isStatic(method.getModifiers()) && methodName.endsWith("HeaderLength"))
            {
                fields.add(methodName.substring(0, methodName.length() - "HeaderLength".length()));
            }
        }
        fields.sort(Comparator.comparingInt((f) -> staticIntUnchecked(decoderClass, f + "Id")));
        return fields;
    }

    /** Block length a sender of version v writes: the end of the last fixed field that exists at v. */
    private static int blockLengthAt(final Class<?> decoderClass, final int version) throws Exception
    {
        int end = 0;
        for (final Method method : decoderClass.getMethods())
        {
            final String methodName = method.getName();
            if (Modifier.isStatic(method.getModifiers()) && methodName.endsWith("EncodingOffset"))
            {
                final String field = methodName.substring(0, methodName.length() - "EncodingOffset".length());
                if (staticInt(decoderClass, field + "SinceVersion") <= version)
                {
                    end = Math.max(end, staticInt(decoderClass, methodName) +
                        staticInt(decoderClass, field + "EncodingLength"));
                }
            }
        }
        final int current = ((MessageDecoderFlyweight)decoderClass.getConstructor().newInstance()).sbeBlockLength();
        return version >= WireSchema.CONTROL.schemaVersion() ? current : end;
    }

    private static int staticInt(final Class<?> type, final String method) throws Exception
    {
        return ((Number)type.getMethod(method).invoke(null)).intValue();
    }

    private static int staticIntUnchecked(final Class<?> type, final String method)
    {
        try
        {
            return staticInt(type, method);
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }
}
