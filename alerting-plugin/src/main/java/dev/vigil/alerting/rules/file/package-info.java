/**
 * Prometheus rule files: reading the YAML with the position of every node, checking it as Prometheus does, and
 * the definitions of rule groups and rules that evaluation is built from. Every problem names the file, the
 * line and column, and the reason, worded like {@code promtool check rules}.
 */
@NullMarked
package dev.vigil.alerting.rules.file;

import org.jspecify.annotations.NullMarked;
