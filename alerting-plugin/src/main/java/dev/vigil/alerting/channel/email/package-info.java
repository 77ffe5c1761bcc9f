/** The {@code email} channel: a plain-text and HTML message over SMTP (Jakarta Mail, Angus). */
@NullMarked
package dev.vigil.alerting.channel.email;

import org.jspecify.annotations.NullMarked;
