/** The {@code alertmanager} channel: forwards alerts to Alertmanager's API v2 ({@code POST /api/v2/alerts}). */
@NullMarked
package dev.vigil.alerting.channel.alertmanager;

import org.jspecify.annotations.NullMarked;
