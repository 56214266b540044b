package org.cetdialogue.tracker.query.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * {@code LISTEN}s on one PostgreSQL channel, on a connection of its own (not the pool's) and a daemon thread of its
 * own, and hands each notification's payload to {@code deliver}; reconnects a second after the connection is lost. A
 * notification sent while it is disconnected is not replayed.
 */
public final class ChannelListener {

    private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);

    private final DataSourceProperties dataSource;
    private final String channel;
    private final String threadName;
    private final Consumer<String> deliver;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    public ChannelListener(
            DataSourceProperties dataSource, String channel, String threadName, Consumer<String> deliver) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.threadName = threadName;
        this.deliver = deliver;
    }

    public void start() {
        running = true;
        listener = new Thread(this::listen, threadName);
        listener.setDaemon(true);
        listener.start();
    }

    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** True while the channel is being listened on. */
    public boolean isListening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(
                    dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            deliver.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    log.warn("listening on {} failed, reconnecting: {}", channel, e.toString());
                    pause();
                }
            }
        }
        listening = false;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
