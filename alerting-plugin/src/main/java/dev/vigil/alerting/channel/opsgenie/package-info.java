/** The {@code opsgenie} channel: Opsgenie Alert API v2 (create, and close by alias). */
@NullMarked
package dev.vigil.alerting.channel.opsgenie;

import org.jspecify.annotations.NullMarked;
