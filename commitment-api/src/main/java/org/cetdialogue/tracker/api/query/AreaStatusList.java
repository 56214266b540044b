package org.cetdialogue.tracker.api.query;

import java.util.List;

/** The status of every area, in the order of {@link org.cetdialogue.tracker.api.commitment.Area}. */
public record AreaStatusList(List<AreaStatus> areas) {}
