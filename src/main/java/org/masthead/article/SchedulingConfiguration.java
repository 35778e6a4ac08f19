package org.masthead.article;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Timed jobs (the article scheduler); {@code masthead.scheduler.enabled=false} turns them off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "masthead.scheduler.enabled", matchIfMissing = true)
class SchedulingConfiguration {}
