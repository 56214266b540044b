package org.cetdialogue.tracker.query.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit features sign checkpoints of the hash chain on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditConfiguration {}
