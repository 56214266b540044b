package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.cetdialogue.tracker.query.audit.export.CloudEventsExport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history as CloudEvents, one per line, with the hash chain's links and signed checkpoints, written to the
 * response as it is read from the store (never all in memory), for {@code tools/verify-export/VerifyExport.java}.
 */
@RestController
@RequestMapping("/api/audit")
public class ExportController {

    private final CloudEventsExport export;

    public ExportController(CloudEventsExport export) {
        this.export = export;
    }

    @GetMapping(value = "/export", produces = CloudEventsExport.MEDIA_TYPE)
    @Operation(
            summary = "Export the chained history as CloudEvents 1.0 JSON lines (application/x-ndjson)",
            description = "after/until: a range of global positions, (after, until]; the whole history without them.")
    public void export(
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Long until,
            HttpServletResponse response)
            throws IOException {
        long from = AuditParameters.after(after);
        if (until != null && until < from) {
            throw InvalidRequestException.badRequest("until must not be before after");
        }
        response.setContentType(CloudEventsExport.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"cet-tracker-history.ndjson\"");
        try (OutputStream out = response.getOutputStream()) {
            export.write(out, from, until);
        }
    }
}
