package org.cetdialogue.tracker.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A request that leaves a unit of work and its transaction resources on the thread leaves the thread clean. */
class UnitOfWorkLeakGuardTest {

    @Test
    void aUnitOfWorkLeftOpenByARequestIsRolledBackAndUnbound() throws Exception {
        DefaultUnitOfWork<?>[] leaked = new DefaultUnitOfWork<?>[1];
        Object resourceKey = new Object();
        MockFilterChain leakingRequest = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                // what a command interrupted by an Error can leave behind
                leaked[0] = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
                TransactionSynchronizationManager.bindResource(resourceKey, "a dead connection");
            }
        };

        new UnitOfWorkLeakGuard()
                .doFilter(
                        new MockHttpServletRequest("POST", "/api/commitments"),
                        new MockHttpServletResponse(),
                        leakingRequest);

        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
        assertThat(leaked[0].isRolledBack()).isTrue();
        assertThat(TransactionSynchronizationManager.hasResource(resourceKey)).isFalse();
    }

    @Test
    void aCleanRequestIsLeftAlone() throws Exception {
        boolean[] ran = {false};
        new UnitOfWorkLeakGuard()
                .doFilter(
                        new MockHttpServletRequest("GET", "/api/areas"),
                        new MockHttpServletResponse(),
                        new MockFilterChain() {
                            @Override
                            public void doFilter(
                                    jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                                ran[0] = true;
                            }
                        });

        assertThat(ran[0]).isTrue();
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }
}
