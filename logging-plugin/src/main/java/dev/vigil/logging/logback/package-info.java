/**
 * The platform's log outputs, configured by the logging plugin at run time on Logback (which lives in the platform
 * layer): a console, rolling JSON or text files, syslog, and the log store. Every event first passes one stage that
 * adds the current trace and span ids and the calling plugin's id and masks sensitive text, so that no output ever
 * sees what the masker would hide. {@link dev.vigil.logging.logback.LogbackOutputs} is the entry point;
 * {@link dev.vigil.logging.logback.OutputSettings} its configuration.
 */
@NullMarked
package dev.vigil.logging.logback;

import org.jspecify.annotations.NullMarked;
