package org.cetdialogue.tracker.api.query;

import java.util.List;

/** Activity-feed entries in ascending global position. */
public record ActivityFeed(List<ActivityEntry> entries) {}
