package org.cetdialogue.tracker.query.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The rows a projection changed while applying one batch of events, kept in memory and written once each, just before
 * the batch's transaction commits (with the processor's token), instead of read back and written again for every
 * event. A replay applies hundreds of events to the same commitment in one batch; this turns hundreds of reads and
 * writes of its row into one of each.
 *
 * <p>A row is replaced, never changed in place: a handler that fails half-way leaves the pending row as the last
 * event that succeeded made it. Outside a unit of work (a handler called directly) a row is written at once.
 *
 * @param <K> the row's key, the commitment id
 * @param <V> the row, immutable or copied before each change
 */
public final class PendingRows<K, V> {

    private final String resourceKey;
    private final BiConsumer<K, V> writer;

    /** {@code writer} stores one row; it runs inside the batch's transaction. */
    public PendingRows(String name, BiConsumer<K, V> writer) {
        this.resourceKey = PendingRows.class.getName() + "/" + name + "@" + System.identityHashCode(this);
        this.writer = writer;
    }

    /** The row as this batch left it so far, if this batch changed it; otherwise read it from the table. */
    public Optional<V> get(K key) {
        return CurrentUnitOfWork.isStarted() ? Optional.ofNullable(batch().get(key)) : Optional.empty();
    }

    /** The new state of a row: written before the batch commits (or now, outside a batch). */
    public void put(K key, V row) {
        if (CurrentUnitOfWork.isStarted()) {
            batch().put(key, row);
        } else {
            writer.accept(key, row);
        }
    }

    /**
     * Writes the pending rows now, still inside the batch's transaction: before a query of the same tables whose
     * answer must include them (a subscription update).
     */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            write(batch());
        }
    }

    private Map<K, V> batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, key -> {
            Map<K, V> rows = new LinkedHashMap<>();
            root.onPrepareCommit(unitOfWork -> write(rows));
            return rows;
        });
    }

    private void write(Map<K, V> rows) {
        rows.forEach(writer);
        rows.clear();
    }
}
