package org.cetdialogue.tracker.benchmark;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The tracker's write and read sides without HTTP, for the in-process measurements: the same command and query
 * modules, the same Axon settings (read from the gateway's application.yml), the same database.
 */
@SpringBootApplication(scanBasePackages = {"org.cetdialogue.tracker.command", "org.cetdialogue.tracker.query"})
public class BenchmarkApplication {}
