package org.cetdialogue.tracker.api.audit;

import java.util.List;

/**
 * A page of the export: its lines of {@value #MEDIA_TYPE}, each one JSON CloudEvent without the line break, in
 * order; {@code next} is the {@code after} of the following page, null when this is the last.
 */
public record ExportPage(List<String> lines, Long next) {

    public static final String MEDIA_TYPE = "application/x-ndjson";
}
