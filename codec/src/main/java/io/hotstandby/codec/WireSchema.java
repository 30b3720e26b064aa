package io.hotstandby.codec;

import io.hotstandby.codec.control.AuthResponseDecoder;
import io.hotstandby.codec.control.ConfigChunkDecoder;
import io.hotstandby.codec.control.ConfigDigestDecoder;
import io.hotstandby.codec.control.HelloAcceptDecoder;
import io.hotstandby.codec.control.HelloDecoder;
import io.hotstandby.codec.control.HelloRefuseDecoder;
import io.hotstandby.codec.control.KeepaliveAckDecoder;
import io.hotstandby.codec.control.KeepaliveDecoder;
import io.hotstandby.codec.control.OperatorCommandRequestDecoder;
import io.hotstandby.codec.control.OperatorCommandResultDecoder;
import io.hotstandby.codec.control.PairingTermsDecoder;
import io.hotstandby.codec.control.RoleAnnounceDecoder;
import io.hotstandby.codec.control.SwitchoverRequestDecoder;
import io.hotstandby.codec.control.SwitchoverResponseDecoder;
import io.hotstandby.codec.replication.AckDecoder;
import io.hotstandby.codec.replication.BatchHeaderDecoder;
import io.hotstandby.codec.replication.BulkBeginDecoder;
import io.hotstandby.codec.replication.BulkEndDecoder;
import io.hotstandby.codec.replication.CustomEntryDecoder;
import io.hotstandby.codec.replication.DhcpLeaseDecoder;
import io.hotstandby.codec.replication.EntryDeleteDecoder;
import io.hotstandby.codec.replication.FirewallSessionDecoder;
import io.hotstandby.codec.replication.FirewallSessionV4Decoder;
import io.hotstandby.codec.replication.LastHopDecoder;
import io.hotstandby.codec.replication.NatPortBlockDecoder;
import io.hotstandby.codec.replication.PortalUserDecoder;
import io.hotstandby.codec.replication.RangeDigestDecoder;
import io.hotstandby.codec.replication.RangeDigestRequestDecoder;
import io.hotstandby.codec.replication.ReconcileAckDecoder;
import io.hotstandby.codec.replication.ReconcileBeginDecoder;
import io.hotstandby.codec.replication.ReconcileEndDecoder;
import io.hotstandby.codec.replication.ReplicationHeartbeatDecoder;
import io.hotstandby.codec.replication.ResyncRequestDecoder;

import static io.hotstandby.codec.FrameDescriptor.MAX_AUTH_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_CONFIG_CHUNK_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_CUSTOM_PAYLOAD_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_FINGERPRINT_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_TEXT_LENGTH;
import static io.hotstandby.codec.MessageLayout.KIND_BATCH_HEADER;
import static io.hotstandby.codec.MessageLayout.KIND_ENTRY;
import static io.hotstandby.codec.MessageLayout.KIND_PLAIN;

/**
 * The two wire schemas, one per concern: {@link #CONTROL} (schema id 18515, 0x4853, the control
 * channel) and {@link #REPLICATION} (schema id 18514, 0x4852, the data channel). Each knows the layout
 * of its messages so that {@link FrameReader} can bound a frame before any generated decoder reads it.
 * Immutable; safe from any thread.
 */
public enum WireSchema
{
    /** Control channel: handshake, keepalive, roles, switchover, commands, configuration, anti-entropy. */
    CONTROL(io.hotstandby.codec.control.MessageHeaderDecoder.SCHEMA_ID,
        io.hotstandby.codec.control.MessageHeaderDecoder.SCHEMA_VERSION),

    /** Data channel: batches of entries, acknowledgements, resync, bulk backup. */
    REPLICATION(io.hotstandby.codec.replication.MessageHeaderDecoder.SCHEMA_ID,
        io.hotstandby.codec.replication.MessageHeaderDecoder.SCHEMA_VERSION);

    private final int schemaId;
    private final int schemaVersion;
    private final MessageLayout[] layoutByTemplateId;

    WireSchema(final int schemaId, final int schemaVersion)
    {
        this.schemaId = schemaId;
        this.schemaVersion = schemaVersion;
        this.layoutByTemplateId = schemaId == io.hotstandby.codec.control.MessageHeaderDecoder.SCHEMA_ID ?
            controlLayouts(schemaVersion) : replicationLayouts(schemaVersion);
    }

    /** @return the SBE schema id carried in every message header. */
    public int schemaId()
    {
        return schemaId;
    }

    /** @return the schema version this build encodes. */
    public int schemaVersion()
    {
        return schemaVersion;
    }

    /**
     * @param version a schema version from a message header or a peer's handshake.
     * @return true when it is at most {@link FrameDescriptor#MAX_VERSION_DISTANCE} from ours (F4).
     */
    public boolean isCompatibleVersion(final int version)
    {
        return version >= schemaVersion - FrameDescriptor.MAX_VERSION_DISTANCE &&
            version <= schemaVersion + FrameDescriptor.MAX_VERSION_DISTANCE;
    }

    /**
     * @param templateId a template id.
     * @return true when it names a message of this schema.
     */
    public boolean isKnownTemplate(final int templateId)
    {
        return null != layout(templateId);
    }

    /**
     * @param templateId a template id.
     * @return true when it names an entry message: one that stands inside a batch, with an entry header.
     */
    public boolean isEntryTemplate(final int templateId)
    {
        final MessageLayout layout = layout(templateId);
        return null != layout && MessageLayout.KIND_ENTRY == layout.kind;
    }

    boolean isBatchHeaderTemplate(final int templateId)
    {
        final MessageLayout layout = layout(templateId);
        return null != layout && MessageLayout.KIND_BATCH_HEADER == layout.kind;
    }

    MessageLayout layout(final int templateId)
    {
        return templateId >= 0 && templateId < layoutByTemplateId.length ? layoutByTemplateId[templateId] : null;
    }

    private static MessageLayout[] controlLayouts(final int v)
    {
        final MessageLayout[] layouts = new MessageLayout[PairingTermsDecoder.TEMPLATE_ID + 1];
        add(layouts, new MessageLayout("Hello", HelloDecoder.TEMPLATE_ID, HelloDecoder.BLOCK_LENGTH, v, KIND_PLAIN, -1)
            .varData(HelloDecoder.authChallengeHeaderLength(), MAX_AUTH_LENGTH, HelloDecoder.authChallengeSinceVersion()));
        add(layouts, new MessageLayout(
            "PairingTerms", PairingTermsDecoder.TEMPLATE_ID, PairingTermsDecoder.BLOCK_LENGTH, v, KIND_PLAIN, -1)
            .varData(PairingTermsDecoder.softwareVersionHeaderLength(), MAX_TEXT_LENGTH,
                PairingTermsDecoder.softwareVersionSinceVersion())
            .varData(PairingTermsDecoder.fingerprintHeaderLength(), MAX_FINGERPRINT_LENGTH,
                PairingTermsDecoder.fingerprintSinceVersion()));
        add(layouts, new MessageLayout(
            "AuthResponse", AuthResponseDecoder.TEMPLATE_ID, AuthResponseDecoder.BLOCK_LENGTH, v, KIND_PLAIN, -1)
            .varData(AuthResponseDecoder.hmacHeaderLength(), MAX_AUTH_LENGTH, AuthResponseDecoder.hmacSinceVersion()));
        add(layouts, plain("HelloAccept", HelloAcceptDecoder.TEMPLATE_ID, HelloAcceptDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("HelloRefuse", HelloRefuseDecoder.TEMPLATE_ID, HelloRefuseDecoder.BLOCK_LENGTH, v)
            .varData(HelloRefuseDecoder.detailHeaderLength(), MAX_TEXT_LENGTH, HelloRefuseDecoder.detailSinceVersion()));
        add(layouts, plain("Keepalive", KeepaliveDecoder.TEMPLATE_ID, KeepaliveDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("KeepaliveAck", KeepaliveAckDecoder.TEMPLATE_ID, KeepaliveAckDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("RoleAnnounce", RoleAnnounceDecoder.TEMPLATE_ID, RoleAnnounceDecoder.BLOCK_LENGTH, v));
        add(layouts, plain(
            "SwitchoverRequest", SwitchoverRequestDecoder.TEMPLATE_ID, SwitchoverRequestDecoder.BLOCK_LENGTH, v));
        add(layouts, plain(
            "SwitchoverResponse", SwitchoverResponseDecoder.TEMPLATE_ID, SwitchoverResponseDecoder.BLOCK_LENGTH, v));
        add(layouts, plain(
            "OperatorCommandRequest",
            OperatorCommandRequestDecoder.TEMPLATE_ID,
            OperatorCommandRequestDecoder.BLOCK_LENGTH,
            v));
        add(layouts, plain(
            "OperatorCommandResult",
            OperatorCommandResultDecoder.TEMPLATE_ID,
            OperatorCommandResultDecoder.BLOCK_LENGTH,
            v)
            .varData(
                OperatorCommandResultDecoder.reasonHeaderLength(),
                MAX_TEXT_LENGTH,
                OperatorCommandResultDecoder.reasonSinceVersion()));
        add(layouts, plain("ConfigDigest", ConfigDigestDecoder.TEMPLATE_ID, ConfigDigestDecoder.BLOCK_LENGTH, v)
            .varData(
                ConfigDigestDecoder.moduleNameHeaderLength(),
                MAX_TEXT_LENGTH,
                ConfigDigestDecoder.moduleNameSinceVersion()));
        add(layouts, plain("ConfigChunk", ConfigChunkDecoder.TEMPLATE_ID, ConfigChunkDecoder.BLOCK_LENGTH, v)
            .varData(
                ConfigChunkDecoder.moduleNameHeaderLength(),
                MAX_TEXT_LENGTH,
                ConfigChunkDecoder.moduleNameSinceVersion())
            .varData(
                ConfigChunkDecoder.bytesHeaderLength(),
                MAX_CONFIG_CHUNK_LENGTH,
                ConfigChunkDecoder.bytesSinceVersion()));
        return layouts;
    }

    private static MessageLayout[] replicationLayouts(final int v)
    {
        final MessageLayout[] layouts = new MessageLayout[FirewallSessionV4Decoder.TEMPLATE_ID + 1];
        add(layouts, new MessageLayout(
            "BatchHeader",
            BatchHeaderDecoder.TEMPLATE_ID,
            BatchHeaderDecoder.BLOCK_LENGTH,
            v,
            KIND_BATCH_HEADER,
            BatchHeaderDecoder.countEncodingOffset()));
        add(layouts, entry("FirewallSession", FirewallSessionDecoder.TEMPLATE_ID, FirewallSessionDecoder.BLOCK_LENGTH, v));
        add(layouts, entry("NatPortBlock", NatPortBlockDecoder.TEMPLATE_ID, NatPortBlockDecoder.BLOCK_LENGTH, v));
        add(layouts, entry("DhcpLease", DhcpLeaseDecoder.TEMPLATE_ID, DhcpLeaseDecoder.BLOCK_LENGTH, v)
            .varData(DhcpLeaseDecoder.hostnameHeaderLength(), MAX_TEXT_LENGTH, DhcpLeaseDecoder.hostnameSinceVersion()));
        add(layouts, entry("PortalUser", PortalUserDecoder.TEMPLATE_ID, PortalUserDecoder.BLOCK_LENGTH, v)
            .varData(PortalUserDecoder.userNameHeaderLength(), MAX_TEXT_LENGTH, PortalUserDecoder.userNameSinceVersion()));
        add(layouts, entry("LastHop", LastHopDecoder.TEMPLATE_ID, LastHopDecoder.BLOCK_LENGTH, v));
        add(layouts, entry("CustomEntry", CustomEntryDecoder.TEMPLATE_ID, CustomEntryDecoder.BLOCK_LENGTH, v)
            .varData(
                CustomEntryDecoder.payloadHeaderLength(),
                MAX_CUSTOM_PAYLOAD_LENGTH,
                CustomEntryDecoder.payloadSinceVersion()));
        add(layouts, entry("EntryDelete", EntryDeleteDecoder.TEMPLATE_ID, EntryDeleteDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("Ack", AckDecoder.TEMPLATE_ID, AckDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("ResyncRequest", ResyncRequestDecoder.TEMPLATE_ID, ResyncRequestDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("BulkBegin", BulkBeginDecoder.TEMPLATE_ID, BulkBeginDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("BulkEnd", BulkEndDecoder.TEMPLATE_ID, BulkEndDecoder.BLOCK_LENGTH, v));
        add(layouts, plain(
            "ReplicationHeartbeat", ReplicationHeartbeatDecoder.TEMPLATE_ID, ReplicationHeartbeatDecoder.BLOCK_LENGTH, v));
        add(layouts, entry(
            "RangeDigestRequest", RangeDigestRequestDecoder.TEMPLATE_ID, RangeDigestRequestDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("RangeDigest", RangeDigestDecoder.TEMPLATE_ID, RangeDigestDecoder.BLOCK_LENGTH, v));
        add(layouts, entry(
            "FirewallSessionV4", FirewallSessionV4Decoder.TEMPLATE_ID, FirewallSessionV4Decoder.BLOCK_LENGTH, v));
        add(layouts, plain("ReconcileBegin", ReconcileBeginDecoder.TEMPLATE_ID, ReconcileBeginDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("ReconcileEnd", ReconcileEndDecoder.TEMPLATE_ID, ReconcileEndDecoder.BLOCK_LENGTH, v));
        add(layouts, plain("ReconcileAck", ReconcileAckDecoder.TEMPLATE_ID, ReconcileAckDecoder.BLOCK_LENGTH, v));
        return layouts;
    }

    private static MessageLayout plain(final String name, final int templateId, final int blockLength, final int v)
    {
        return new MessageLayout(name, templateId, blockLength, v, KIND_PLAIN, -1);
    }

    private static MessageLayout entry(final String name, final int templateId, final int blockLength, final int v)
    {
        return new MessageLayout(name, templateId, blockLength, v, KIND_ENTRY, -1);
    }

    private static void add(final MessageLayout[] layouts, final MessageLayout layout)
    {
        if (null != layouts[layout.templateId])
        {
            throw new IllegalStateException("duplicate template id " + layout.templateId + ": " + layout.name);
        }
        layouts[layout.templateId] = layout;
    }
}
