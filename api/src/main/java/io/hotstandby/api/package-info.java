/**
 * The stable public API of hotstandby: what a host (firewall, NAT/CGNAT, BRAS or wireless-controller
 * firmware) compiles against. It depends on the JDK and Agrona's buffer interfaces only; no Netty type
 * and no generated SBE class appears here.
 *
 * <h2>Who calls what</h2>
 * The host builds a {@link io.hotstandby.api.config.PairConfig} (validated at build time) and a
 * {@link io.hotstandby.api.NodeContext} (its providers, hooks, listener, clock, threading), launches a
 * {@link io.hotstandby.api.HotStandbyNode} through {@link io.hotstandby.api.HotStandby}, offers entries
 * from its data-plane threads through {@link io.hotstandby.api.entry.EntryProducer}s, reports track,
 * interface and health inputs, and reads {@link io.hotstandby.api.status.HotStandbyStatus}. The
 * library calls the host back through the SPIs (providers, hooks, transports, witness) on its agent
 * threads, or on the host's own thread in {@link io.hotstandby.api.ThreadingMode#INVOKER} mode.
 *
 * <h2>SPEC features and their types</h2>
 * <table>
 * <caption>SPEC id to API types</caption>
 * <tr><th>id</th><th>types</th></tr>
 * <tr><td>A1</td><td>{@link io.hotstandby.api.config.PairConfig}, {@link io.hotstandby.api.config.PairConfig.Builder}, {@link io.hotstandby.api.config.ConfigException}</td></tr>
 * <tr><td>A2</td><td>{@link io.hotstandby.api.config.PairConfig#isServer()}, {@link io.hotstandby.api.state.ChannelState}, {@link io.hotstandby.api.transport.LinkSpec}</td></tr>
 * <tr><td>A3</td><td>{@link io.hotstandby.api.config.PairConfig#fingerprint()}, {@link io.hotstandby.api.event.HotStandbyListener#onPairingRefused}, {@link io.hotstandby.api.status.HotStandbyStatus#refusalReason()}</td></tr>
 * <tr><td>A4</td><td>{@link io.hotstandby.api.state.FailoverState}, {@link io.hotstandby.api.state.Role}</td></tr>
 * <tr><td>A5</td><td>{@link io.hotstandby.api.config.RolePolicy}</td></tr>
 * <tr><td>A6</td><td>{@link io.hotstandby.api.config.Mode}, {@link io.hotstandby.api.entry.EntryReader#ownerNodeId()}</td></tr>
 * <tr><td>A7</td><td>{@link io.hotstandby.api.state.SwitchoverReason}, {@link io.hotstandby.api.HotStandbyNode#reportHealth}, {@link io.hotstandby.api.HotStandbyNode#reportTrack}, {@link io.hotstandby.api.HotStandbyNode#reportInterface}</td></tr>
 * <tr><td>A8</td><td>{@link io.hotstandby.api.config.PairConfig#fallbackEnabled()}, {@link io.hotstandby.api.config.PairConfig#fallbackDelayMs()}</td></tr>
 * <tr><td>A9</td><td>{@link io.hotstandby.api.config.PairConfig.Builder#build()}, {@link io.hotstandby.api.config.PairConfig#checkReconfiguration}, {@link io.hotstandby.api.NodeContext.Builder#build()}</td></tr>
 * <tr><td>A10</td><td>{@link io.hotstandby.api.command.OperatorCommand}, {@link io.hotstandby.api.command.CommandResult}, {@link io.hotstandby.api.HotStandbyNode#execute}</td></tr>
 * <tr><td>A11</td><td>{@link io.hotstandby.api.state.SwitchoverReason#SPLIT_BRAIN_RESOLVED}, {@link io.hotstandby.api.spi.BackupProvider#merge}, {@link io.hotstandby.api.config.PairConfig#reconcileJournalEntries()}, {@link io.hotstandby.api.counter.CounterId#ENTRIES_RECONCILED}, {@link io.hotstandby.api.spi.BackupProvider#adoptOwner}</td></tr>
 * <tr><td>B1</td><td>{@link io.hotstandby.api.transport.FrameTransport}, {@link io.hotstandby.api.transport.FrameLink}, {@link io.hotstandby.api.state.ChannelKind#DATA}</td></tr>
 * <tr><td>B2</td><td>{@link io.hotstandby.api.entry.EntrySink}, {@link io.hotstandby.api.entry.FirewallSessionWriter} (and the other writers), {@link io.hotstandby.api.transport.FrameLink#tryClaim}</td></tr>
 * <tr><td>B3</td><td>{@link io.hotstandby.api.entry.EntryReader#sequence()}, {@link io.hotstandby.api.status.ReplicationStatus}, {@link io.hotstandby.api.config.PairConfig#retransmitWindowEntries()}</td></tr>
 * <tr><td>B4</td><td>{@link io.hotstandby.api.spi.BackupProvider#snapshot}, {@link io.hotstandby.api.event.HotStandbyListener#onBulkComplete}</td></tr>
 * <tr><td>B5</td><td>{@link io.hotstandby.api.entry.EntryType}, {@link io.hotstandby.api.spi.BackupProvider}, the readers and writers, {@link io.hotstandby.api.config.PairConfig#httpSessionBackup()}, {@link io.hotstandby.api.config.PairConfig#dnsSessionBackup()}</td></tr>
 * <tr><td>B6</td><td>{@link io.hotstandby.api.config.EntryTypePolicy#minAgeMs()}, {@link io.hotstandby.api.entry.OfferResult#TOO_YOUNG}</td></tr>
 * <tr><td>B7</td><td>{@link io.hotstandby.api.entry.EntryProducer}, {@link io.hotstandby.api.entry.OfferResult}, {@link io.hotstandby.api.config.PairConfig#ringCapacityBytes()}</td></tr>
 * <tr><td>B8</td><td>{@link io.hotstandby.api.config.DeliveryMode}, {@link io.hotstandby.api.spi.AcknowledgementListener}, {@link io.hotstandby.api.status.ReplicationStatus#lagMicros()}</td></tr>
 * <tr><td>B9</td><td>{@link io.hotstandby.api.hook.TakeoverStep#COMMIT_ENTRIES}, {@link io.hotstandby.api.spi.BackupProvider#flush()}</td></tr>
 * <tr><td>C1</td><td>{@link io.hotstandby.api.spi.ConfigProvider}</td></tr>
 * <tr><td>C2</td><td>{@link io.hotstandby.api.config.ConfigSyncMode}, {@link io.hotstandby.api.HotStandbyNode#configChanged}, {@link io.hotstandby.api.spi.ConfigProvider#applyAll}</td></tr>
 * <tr><td>C3</td><td>{@link io.hotstandby.api.config.ConsistencySchedule}, {@link io.hotstandby.api.event.HotStandbyListener#onConfigInconsistent}</td></tr>
 * <tr><td>C4</td><td>{@link io.hotstandby.api.spi.ConfigProvider#mirroringMode()}, {@link io.hotstandby.api.config.PairConfig#staticRouteSync()}</td></tr>
 * <tr><td>D1</td><td>{@link io.hotstandby.api.hook.VrrpHook}, {@link io.hotstandby.api.config.VrrpBinding}, {@link io.hotstandby.api.config.BackupGroup}</td></tr>
 * <tr><td>D2</td><td>{@link io.hotstandby.api.hook.VirtualIpHook}, {@link io.hotstandby.api.config.PairConfig#virtualIps()}</td></tr>
 * <tr><td>D3</td><td>{@link io.hotstandby.api.hook.RouteCostHook}, {@link io.hotstandby.api.config.RouteCostPolicy}, {@link io.hotstandby.api.config.RoutingProtocol}</td></tr>
 * <tr><td>D4</td><td>{@link io.hotstandby.api.HotStandbyNode#reportInterface}, {@link io.hotstandby.api.HotStandbyNode#reportVlan}, {@link io.hotstandby.api.config.PairConfig#monitoredInterfaces()}</td></tr>
 * <tr><td>D5</td><td>{@link io.hotstandby.api.hook.InterfaceHook}</td></tr>
 * <tr><td>D6</td><td>{@link io.hotstandby.api.config.TrackMonitor}, {@link io.hotstandby.api.state.TrackState}</td></tr>
 * <tr><td>D7</td><td>{@link io.hotstandby.api.hook.HookCompletion}, {@link io.hotstandby.api.config.PairConfig#hookTimeoutMs()}</td></tr>
 * <tr><td>E1</td><td>{@link io.hotstandby.api.config.PairConfig#groupId()}, {@link io.hotstandby.api.group.GroupDirectory}</td></tr>
 * <tr><td>E2</td><td>{@link io.hotstandby.api.group.GroupDirectory}</td></tr>
 * <tr><td>E3</td><td>{@link io.hotstandby.api.config.EntryTypePolicy#minAgeMs()}, {@link io.hotstandby.api.config.PairConfig#fallbackDelayMs()}</td></tr>
 * <tr><td>F1</td><td>{@link io.hotstandby.api.status.HotStandbyStatus}, {@link io.hotstandby.api.status.HotStandbyStatus#toJson()}</td></tr>
 * <tr><td>F2</td><td>{@link io.hotstandby.api.counter.CounterId}, {@link io.hotstandby.api.event.HotStandbyListener}, {@link io.hotstandby.api.NodeContext#countersFile()}</td></tr>
 * <tr><td>F3</td><td>{@link io.hotstandby.api.config.Authentication}, {@link io.hotstandby.api.event.HotStandbyListener#onProtocolError}</td></tr>
 * <tr><td>F4</td><td>{@link io.hotstandby.api.config.PairConfig#softwareVersion()} (protocol versions are in the codec module)</td></tr>
 * <tr><td>F5</td><td>{@link io.hotstandby.api.time.Clock}, {@link io.hotstandby.api.transport.FrameTransport} (the testkit implements both)</td></tr>
 * <tr><td>F6</td><td>{@link io.hotstandby.api.HotStandby} (used by the examples module)</td></tr>
 * <tr><td>F7</td><td>{@link io.hotstandby.api.entry.EntryProducer} (measured by the benchmarks module)</td></tr>
 * <tr><td>G1</td><td>{@link io.hotstandby.api.hook.TakeoverStep}, {@link io.hotstandby.api.hook.HookCompletion}, {@link io.hotstandby.api.event.HotStandbyListener#onTakeoverStep}</td></tr>
 * <tr><td>G2</td><td>{@link io.hotstandby.api.status.HotStandbyStatus#ready()}, {@link io.hotstandby.api.config.PairConfig#readyMaxLagEntries()}</td></tr>
 * <tr><td>G3</td><td>{@link io.hotstandby.api.status.HotStandbyStatus#epoch()}, {@link io.hotstandby.api.spi.Witness}</td></tr>
 * <tr><td>G4</td><td>{@link io.hotstandby.api.spi.BackupProvider#scanRange}</td></tr>
 * <tr><td>G5</td><td>{@link io.hotstandby.api.config.EntryTypePolicy}</td></tr>
 * <tr><td>G6</td><td>{@link io.hotstandby.api.entry.EntryReader#expiresAtMs()}, {@link io.hotstandby.api.config.PairConfig#maxClockSkewMs()}, {@link io.hotstandby.api.event.HotStandbyListener#onClockSkew}</td></tr>
 * <tr><td>G7</td><td>{@link io.hotstandby.api.config.Authentication}, {@link io.hotstandby.api.status.HotStandbyStatus#authenticationEnabled()}</td></tr>
 * <tr><td>G8</td><td>{@link io.hotstandby.api.time.Clock}, {@link io.hotstandby.api.ThreadingMode#INVOKER}, {@link io.hotstandby.api.HotStandbyNode#doWork()}</td></tr>
 * </table>
 */
package io.hotstandby.api;
