package kz.hattama.batch;

import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.SideGroup;

import java.util.Map;

/** A protocol made of its sides: the figures reconciled from all of them, and which page each field is on. */
public record JoinedSides(SideGroup group, ProtocolResult protocol, Map<String, Integer> pageOf, int signaturePage) {
}
