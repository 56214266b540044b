package org.cetdialogue.tracker.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Leaves no unit of work behind on a request thread. When the database connection dies in the middle of an event
 * append, PgJDBC raises an {@code AssertionError} (see {@code StoreOutage}); the command's unit of work and its
 * transaction can then stay bound to the pooled Tomcat thread, and every later request served by that thread would
 * read through the dead connection ("Connection is closed") long after the database is back. After each request, a
 * unit of work still open on the thread is rolled back and unbound, with the transaction resources it left.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnitOfWorkLeakGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkLeakGuard.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            release();
        }
    }

    static void release() {
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> leaked = CurrentUnitOfWork.get();
            log.warn("A unit of work ({}) was left open on this request thread; rolling it back", leaked.phase());
            try {
                if (!leaked.isRolledBack()) {
                    leaked.rollback();
                }
            } catch (RuntimeException | Error e) {
                log.warn("Rolling back the leaked unit of work failed: {}", e.toString());
            } finally {
                if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() == leaked) {
                    CurrentUnitOfWork.clear(leaked);
                }
            }
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clear();
        }
        new ArrayList<>(TransactionSynchronizationManager.getResourceMap().keySet())
                .forEach(TransactionSynchronizationManager::unbindResource);
    }
}
