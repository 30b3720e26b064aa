package io.hotstandby.api.config;

/** Routing protocols whose advertised cost the standby adjusts (SPEC D3). */
public enum RoutingProtocol
{
    /** OSPFv2 interface cost. */
    OSPF,
    /** OSPFv3 interface cost. */
    OSPFV3,
    /** IS-IS metric. */
    ISIS,
    /** BGP MED. */
    BGP
}
