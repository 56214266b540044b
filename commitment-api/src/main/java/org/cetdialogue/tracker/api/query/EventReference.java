package org.cetdialogue.tracker.api.query;

/** Points at one event of a commitment: its sequence number and type. */
public record EventReference(long sequence, String eventType) {}
