package org.cetdialogue.tracker.gateway.stream;

import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ends every open stream as soon as the application begins to stop (SIGTERM), before the web server's graceful
 * shutdown waits for requests in progress: a stream never ends on its own, so otherwise each would hold the stop for
 * the whole grace period. Clients see the stream complete and reconnect (to another instance, or to this one once it
 * is back). A stream opened after that point ends at once.
 */
@Component
public class StreamShutdown implements SmartLifecycle {

    private final Sinks.One<Boolean> stopping = Sinks.one();
    private volatile boolean running;

    /** Emits once the application is stopping; a late subscriber gets it at once. */
    Mono<Boolean> stopping() {
        return stopping.asMono();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopping.tryEmitValue(true);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (which stops in a lower phase, after this). */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }
}
