/**
 * Syslog output: messages formatted as RFC 5424 and sent over UDP or over TCP with RFC 6587 octet-counting framing,
 * from a background thread so that a slow or absent receiver never holds up the threads that log.
 */
@NullMarked
package dev.vigil.logging.syslog;

import org.jspecify.annotations.NullMarked;
