/** Prometheus's alert templates: Go's text/template language with Prometheus's functions. */
@NullMarked
package dev.vigil.alerting.template;

import org.jspecify.annotations.NullMarked;
