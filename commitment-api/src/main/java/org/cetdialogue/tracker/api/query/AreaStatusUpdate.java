package org.cetdialogue.tracker.api.query;

/**
 * A subscription update of {@link FindAreasQuery}: all areas as they stand after the event at global position {@code
 * position}.
 */
public record AreaStatusUpdate(long position, AreaStatusList areas) {}
