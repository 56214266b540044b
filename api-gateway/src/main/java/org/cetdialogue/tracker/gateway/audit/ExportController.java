package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.cetdialogue.tracker.api.audit.ExportPage;
import org.cetdialogue.tracker.api.audit.FindExportPageQuery;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history as CloudEvents, one per line, with the hash chain's links and signed checkpoints, written to the
 * response a page at a time as the read side answers {@link FindExportPageQuery} (never all in memory), for
 * {@code tools/verify-export/VerifyExport.java}.
 */
@RestController
@RequestMapping("/api/audit")
public class ExportController {

    private final AuditMessages messages;
    private final int pageSize;

    /**
     * @param pageSize events per page ({@code tracker.audit.export-page-size}): a page of CloudEvents with their stored
     *     bytes must stay well below the largest message the bus carries
     */
    ExportController(AuditMessages messages, @Value("${tracker.audit.export-page-size:200}") int pageSize) {
        this.messages = messages;
        this.pageSize = pageSize;
    }

    @GetMapping(value = "/export", produces = ExportPage.MEDIA_TYPE)
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
        response.setContentType(ExportPage.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"cet-tracker-history.ndjson\"");
        try (OutputStream out = response.getOutputStream()) {
            Long cursor = from;
            while (cursor != null) {
                ExportPage page = messages.query(new FindExportPageQuery(cursor, until, pageSize), ExportPage.class);
                for (String line : page.lines()) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                out.flush();
                cursor = page.next();
            }
        }
    }
}
