/**
 * Acknowledgements: an acknowledged alert stops repeating until it resolves or the acknowledgement expires.
 */
@NullMarked
package dev.vigil.alerting.notify.ack;

import org.jspecify.annotations.NullMarked;
