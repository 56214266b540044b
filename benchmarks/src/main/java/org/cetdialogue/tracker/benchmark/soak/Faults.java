package org.cetdialogue.tracker.benchmark.soak;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults of a soak, at planned times: SIGKILL of an instance at random times (restarted at once), two
 * PostgreSQL restarts with {@code -m immediate}, and one minute with all of PostgreSQL's free connections held from
 * outside. After each fault it waits (bounded) until both instances acknowledge a write again, and records how long
 * that took. Faults never overlap: the next one waits for the recovery from the last.
 */
final class Faults {

    enum Kind {
        KILL,
        POSTGRES_RESTART,
        CONNECTIONS_HELD
    }

    record Planned(Kind kind, double atSeconds, int instance) {}

    record Outcome(
            Kind kind,
            String what,
            double atSeconds,
            double faultSeconds,
            Double recoverySeconds,
            long failedRequests,
            String detail) {

        boolean recovered() {
            return recoverySeconds != null;
        }
    }

    private final PrivatePostgres postgres;
    private final List<TrackerInstance> instances;
    private final SoakLoad load;
    private final SoakHttp http;
    private final SoakMetrics metrics;
    private final Duration recoveryBound;
    private final Duration hold;
    final List<Outcome> outcomes = new ArrayList<>();

    Faults(
            PrivatePostgres postgres,
            List<TrackerInstance> instances,
            SoakLoad load,
            SoakHttp http,
            SoakMetrics metrics,
            Duration recoveryBound,
            Duration hold) {
        this.postgres = postgres;
        this.instances = instances;
        this.load = load;
        this.http = http;
        this.metrics = metrics;
        this.recoveryBound = recoveryBound;
        this.hold = hold;
    }

    /**
     * The plan for a soak of {@code seconds}: PostgreSQL restarts at 30% and 70%, the held connections at 50%, and
     * one kill per ten minutes (at least two) at random times in slices of the run, each at least {@code spacing}
     * seconds from the other faults.
     */
    static List<Planned> plan(double seconds, Random random, double spacing, int instances) {
        List<Planned> plan = new ArrayList<>();
        plan.add(new Planned(Kind.POSTGRES_RESTART, 0.30 * seconds, -1));
        plan.add(new Planned(Kind.CONNECTIONS_HELD, 0.50 * seconds, -1));
        plan.add(new Planned(Kind.POSTGRES_RESTART, 0.70 * seconds, -1));
        int kills = (int) Math.max(2, Math.round(seconds / 600));
        double from = 0.05 * seconds;
        double to = 0.92 * seconds;
        double slice = (to - from) / kills;
        for (int k = 0; k < kills; k++) {
            double at = from + k * slice + random.nextDouble() * slice;
            for (int tries = 0; tries < 200 && tooClose(plan, at, spacing); tries++) {
                at = from + k * slice + random.nextDouble() * slice;
            }
            plan.add(new Planned(Kind.KILL, at, random.nextInt(instances)));
        }
        plan.sort(Comparator.comparingDouble(Planned::atSeconds));
        return plan;
    }

    private static boolean tooClose(List<Planned> plan, double at, double spacing) {
        return plan.stream().anyMatch(p -> Math.abs(p.atSeconds() - at) < spacing);
    }

    /** Runs one fault at its time (relative to {@code startNanos}) and its recovery. */
    void inject(Planned fault, long startNanos) throws Exception {
        long due = startNanos + (long) (fault.atSeconds() * 1e9);
        while (System.nanoTime() < due) {
            SoakLoad.pause(Math.min(1_000, (due - System.nanoTime()) / 1_000_000 + 1));
        }
        long failedBefore = failedRequests();
        long at = System.nanoTime();
        double atSeconds = (at - startNanos) / 1e9;
        String what;
        String detail;
        long recoverFrom;
        switch (fault.kind()) {
            case KILL -> {
                TrackerInstance victim = instances.get(fault.instance());
                victim.killAndRestart();
                recoverFrom = at;
                what = "kill -9 of instance " + victim.name() + ", restarted at once";
                detail = "";
            }
            case POSTGRES_RESTART -> {
                postgres.stopImmediately();
                postgres.start();
                recoverFrom = at;
                what = "PostgreSQL restart (`pg_ctl stop -m immediate`, then start)";
                detail = String.format("PostgreSQL back after %.1f s", (System.nanoTime() - at) / 1e9);
            }
            case CONNECTIONS_HELD -> {
                List<Connection> held = postgres.takeAllConnections();
                long heldAt = System.nanoTime();
                while (System.nanoTime() - heldAt < hold.toNanos()) {
                    SoakLoad.pause(500);
                }
                long failedWhileHeld = failedRequests() - failedBefore;
                for (Connection c : held) {
                    c.close();
                }
                recoverFrom = System.nanoTime();
                what = "all of PostgreSQL's free connections held from outside for " + hold.toSeconds() + " s";
                detail = String.format(
                        "%d connections taken (until refused); %d failed requests while held",
                        held.size(), failedWhileHeld);
            }
            default -> throw new IllegalStateException();
        }
        Double recovery = awaitRecovery(recoverFrom);
        outcomes.add(new Outcome(
                fault.kind(),
                what,
                atSeconds,
                (recoverFrom - at) / 1e9,
                recovery,
                failedRequests() - failedBefore,
                detail));
        log(String.format(
                "%s at %.0f s: %s", what, atSeconds, recovery == null ? "NOT RECOVERED" : "recovered in " + recovery));
    }

    /**
     * Seconds from {@code fromNanos} until both instances are ready and each acknowledged a write (a probe, tracked
     * like every other write), or null if that did not happen within the recovery bound.
     */
    private Double awaitRecovery(long fromNanos) throws Exception {
        long deadline = System.nanoTime() + recoveryBound.toNanos();
        Map<TrackerInstance, SoakLoad.Write> probes = new HashMap<>();
        for (TrackerInstance instance : instances) {
            probes.put(instance, load.newWrite("recovery probe on " + instance.name()));
        }
        List<TrackerInstance> waiting = new ArrayList<>(instances);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                TrackerInstance instance = it.next();
                supervise(instance);
                SoakLoad.Write probe = probes.get(instance);
                if (load.probe(probe, instance)) {
                    it.remove();
                } else if (load.rejected.containsKey(probe.key())) {
                    // refused for good (the refusal is reported): a retry with its key would replay the same answer,
                    // so the next attempt is a new write
                    probes.put(instance, load.newWrite("recovery probe on " + instance.name()));
                }
            }
            if (!waiting.isEmpty()) {
                SoakLoad.pause(500);
            }
        }
        return waiting.isEmpty() ? Math.round((System.nanoTime() - fromNanos) / 1e8) / 10.0 : null;
    }

    /** Exits of an instance that the soak did not cause, each restarted as a supervisor would. */
    final List<String> exits = java.util.Collections.synchronizedList(new ArrayList<>());

    private long startNanos;

    /** Restarts {@code instance} if its JVM exited (as a supervisor would), and records the exit. */
    void supervise(TrackerInstance instance) throws Exception {
        Integer status = instance.restartIfExited();
        if (status != null) {
            String exit = String.format(
                    "%s exited with status %d at %.0f s; restarted",
                    instance.name(), status, (System.nanoTime() - startNanos) / 1e9);
            exits.add(exit);
            log(exit);
        }
    }

    /** Checks every two seconds, for as long as the soak runs, that both JVMs are running; restarts one that exited. */
    void startSupervisor(long startNanos, java.util.concurrent.atomic.AtomicBoolean done) {
        this.startNanos = startNanos;
        Thread supervisor = new Thread(
                () -> {
                    while (!done.get()) {
                        try {
                            for (TrackerInstance instance : instances) {
                                supervise(instance);
                            }
                        } catch (Exception e) {
                            log("supervisor: " + e);
                        }
                        SoakLoad.pause(2_000);
                    }
                },
                "soak-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private long failedRequests() {
        long failed = 0;
        for (String kind : metrics.kinds()) {
            for (var e : metrics.statuses(kind).entrySet()) {
                if (e.getKey() >= 500 || e.getKey() == 429) {
                    failed += e.getValue();
                }
            }
        }
        return failed;
    }

    private static void log(String message) {
        System.out.println("[soak] " + message);
    }
}
