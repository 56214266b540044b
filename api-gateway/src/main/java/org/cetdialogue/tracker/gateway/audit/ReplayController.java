package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.cetdialogue.tracker.api.audit.FindReplayProgressQuery;
import org.cetdialogue.tracker.api.audit.ReplayProgress;
import org.cetdialogue.tracker.api.audit.StartReplayCommand;
import org.cetdialogue.tracker.gateway.error.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Rebuilds projections from the events and reports the progress, by GET and as Server-Sent Events. */
@RestController
@RequestMapping("/api/audit/replays")
public class ReplayController {

    private static final Duration PUSH_EVERY = Duration.ofMillis(500);
    private static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

    private final AuditMessages messages;
    private final ScheduledExecutorService pushes = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-progress");
        thread.setDaemon(true);
        return thread;
    });

    ReplayController(AuditMessages messages) {
        this.messages = messages;
    }

    /** What to rebuild: one projection by its name, or {@code all}. */
    public record ReplayRequest(@NotBlank String projection) {}

    @PostMapping
    @Operation(
            summary = "Rebuild a projection (commitment-view, area-status, funding-totals, history) or all from the"
                    + " events; 202 with the replay's progress and its Location")
    @ApiResponse(responseCode = "202", description = "Started: the replay's progress, and its Location")
    public ResponseEntity<ReplayProgress> start(@Valid @RequestBody ReplayRequest request) {
        ReplayProgress progress = messages.send(new StartReplayCommand(request.projection()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/audit/replays/" + progress.id()))
                .body(progress);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress of a replay: position, total, percent, events per second, seconds left")
    public ReplayProgress progress(@PathVariable String id) {
        return messages.find(new FindReplayProgressQuery(id), ReplayProgress.class)
                .orElseThrow(() -> new NotFoundException("no replay " + id));
    }

    @GetMapping(value = "/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Progress of a replay as Server-Sent Events ('progress' events), closed when it is done")
    public SseEmitter stream(@PathVariable String id) {
        progress(id);
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable push = () -> {
            try {
                ReplayProgress progress = progress(id);
                emitter.send(SseEmitter.event().name("progress").data(progress, MediaType.APPLICATION_JSON));
                if (progress.done()) {
                    emitter.complete();
                    cancel(task);
                }
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
                cancel(task);
            }
        };
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(() -> cancel(task));
        emitter.onError(e -> cancel(task));
        task.set(pushes.scheduleWithFixedDelay(push, 0, PUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    @PreDestroy
    void stopPushing() {
        pushes.shutdownNow();
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> future = task.get();
        if (future != null) {
            future.cancel(false);
        }
    }
}
