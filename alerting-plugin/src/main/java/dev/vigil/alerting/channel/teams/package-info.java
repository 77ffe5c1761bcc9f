/** The {@code teams} channel: an Adaptive Card posted to a Microsoft Teams Workflows webhook. */
@NullMarked
package dev.vigil.alerting.channel.teams;

import org.jspecify.annotations.NullMarked;
