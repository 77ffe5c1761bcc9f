/**
 * The notification pipeline: Alertmanager's routing tree, grouping and timers, inhibition and silences, and
 * Vigil's acknowledgements, escalation and recurring silences.
 *
 * <p>Wiring: bind the configuration ({@link dev.vigil.alerting.notify.config.NotifyConfig}, or
 * {@link dev.vigil.alerting.notify.PipelineConfig#fromYaml}) and compile it with
 * {@link dev.vigil.alerting.notify.PipelineConfig#compile}; build a
 * {@link dev.vigil.alerting.notify.NotificationPipeline} with the outbox as its
 * {@link dev.vigil.alerting.notify.NotificationSink}, a data directory and the clock; start a
 * {@link dev.vigil.alerting.notify.PipelineDriver} with the kernel's scheduler ({@code scheduler::schedule}); hand
 * the pipeline to rule evaluation as its {@link dev.vigil.alerting.notify.AlertReceiver}; call
 * {@link dev.vigil.alerting.notify.NotificationPipeline#reconfigure} when the configuration changes; on stop, close
 * the driver and then the pipeline.
 */
@NullMarked
package dev.vigil.alerting.notify;

import org.jspecify.annotations.NullMarked;
