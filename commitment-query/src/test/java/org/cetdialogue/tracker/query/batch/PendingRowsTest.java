package org.cetdialogue.tracker.query.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** Rows changed in a batch are written once each, before the batch commits; outside a batch at once. */
class PendingRowsTest {

    private final List<String> written = new ArrayList<>();
    private final PendingRows<String, Integer> rows =
            new PendingRows<>("test", (key, row) -> written.add(key + "=" + row));

    @Test
    void aRowChangedManyTimesInABatchIsWrittenOnceWithItsLastStateBeforeTheCommit() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.put("a", 1);
        rows.put("a", 2);
        rows.put("b", 7);
        assertThat(rows.get("a")).contains(2);
        assertThat(rows.get("c")).isEmpty();
        assertThat(written).as("nothing written before the commit").isEmpty();

        batch.commit();

        assertThat(written).containsExactly("a=2", "b=7");
    }

    @Test
    void aFlushWritesThePendingRowsNowAndLeavesNothingForTheCommit() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.put("a", 1);

        rows.flush();
        assertThat(written).containsExactly("a=1");
        assertThat(rows.get("a")).as("read from the table from now on").isEmpty();

        rows.put("a", 3);
        batch.commit();
        assertThat(written).containsExactly("a=1", "a=3");
    }

    @Test
    void aRolledBackBatchWritesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.put("a", 1);

        batch.rollback();

        assertThat(written).isEmpty();
    }

    @Test
    void outsideABatchARowIsWrittenAtOnce() {
        rows.put("a", 5);

        assertThat(written).containsExactly("a=5");
        assertThat(rows.get("a")).isEmpty();
    }
}
