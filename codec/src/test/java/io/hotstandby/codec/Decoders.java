package io.hotstandby.codec;

import org.agrona.DirectBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** One generated decoder per template of a schema, to decode every message of an accepted frame. */
final class Decoders implements FrameMessageHandler
{
    private final MessageDecoderFlyweight[] byTemplateId = new MessageDecoderFlyweight[32];
    private final StringBuilder text = new StringBuilder();
    int messages;

    Decoders(final WireSchema schema)
    {
        final MessageDecoderFlyweight[] all = WireSchema.CONTROL == schema ?
            new MessageDecoderFlyweight[] {
                new io.hotstandby.codec.control.HelloDecoder(),
                new io.hotstandby.codec.control.AuthResponseDecoder(),
                new io.hotstandby.codec.control.HelloAcceptDecoder(),
                new io.hotstandby.codec.control.HelloRefuseDecoder(),
                new io.hotstandby.codec.control.KeepaliveDecoder(),
                new io.hotstandby.codec.control.KeepaliveAckDecoder(),
                new io.hotstandby.codec.control.RoleAnnounceDecoder(),
                new io.hotstandby.codec.control.SwitchoverRequestDecoder(),
                new io.hotstandby.codec.control.SwitchoverResponseDecoder(),
                new io.hotstandby.codec.control.OperatorCommandRequestDecoder(),
                new io.hotstandby.codec.control.OperatorCommandResultDecoder(),
                new io.hotstandby.codec.control.ConfigDigestDecoder(),
                new io.hotstandby.codec.control.ConfigChunkDecoder(),
                new io.hotstandby.codec.control.PairingTermsDecoder(),
            } :
            new MessageDecoderFlyweight[] {
                new io.hotstandby.codec.replication.BatchHeaderDecoder(),
                new io.hotstandby.codec.replication.FirewallSessionDecoder(),
                new io.hotstandby.codec.replication.NatPortBlockDecoder(),
                new io.hotstandby.codec.replication.DhcpLeaseDecoder(),
                new io.hotstandby.codec.replication.PortalUserDecoder(),
                new io.hotstandby.codec.replication.LastHopDecoder(),
                new io.hotstandby.codec.replication.CustomEntryDecoder(),
                new io.hotstandby.codec.replication.EntryDeleteDecoder(),
                new io.hotstandby.codec.replication.AckDecoder(),
                new io.hotstandby.codec.replication.ResyncRequestDecoder(),
                new io.hotstandby.codec.replication.BulkBeginDecoder(),
                new io.hotstandby.codec.replication.BulkEndDecoder(),
                new io.hotstandby.codec.replication.ReplicationHeartbeatDecoder(),
                new io.hotstandby.codec.replication.RangeDigestRequestDecoder(),
                new io.hotstandby.codec.replication.RangeDigestDecoder(),
                new io.hotstandby.codec.replication.ReconcileBeginDecoder(),
                new io.hotstandby.codec.replication.ReconcileEndDecoder(),
                new io.hotstandby.codec.replication.ReconcileAckDecoder(),
            };
        for (final MessageDecoderFlyweight decoder : all)
        {
            byTemplateId[decoder.sbeTemplateId()] = decoder;
        }
    }

    MessageDecoderFlyweight decoder(final int templateId)
    {
        return byTemplateId[templateId];
    }

    /** Decodes every field and var data of the message; fails if it does not end where the reader said. */
    public void onMessage(
        final int schemaId,
        final int templateId,
        final int actingBlockLength,
        final int actingVersion,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final MessageDecoderFlyweight decoder = byTemplateId[templateId];
        assertNotNull(decoder, "template " + templateId);
        decoder.wrap(buffer, offset, actingBlockLength, actingVersion);
        text.setLength(0);
        decoder.appendTo(text);
        decoder.wrap(buffer, offset, actingBlockLength, actingVersion);
        assertEquals(length, decoder.sbeDecodedLength());
        messages++;
    }
}
