package org.cetdialogue.tracker.api.audit;

/**
 * Finds the next page of the chained history as CloudEvents lines (answered by an {@link ExportPage}): at most
 * {@code limit} chained events with a global index in {@code (after, until]} ({@code until} null: to the head), each
 * followed by its stored checkpoints. The last page ends with a checkpoint of its last event signed when it is read.
 */
public record FindExportPageQuery(long after, Long until, int limit) {

    /** The largest page one query may ask for. */
    public static final int MAX_LIMIT = 1000;
}
