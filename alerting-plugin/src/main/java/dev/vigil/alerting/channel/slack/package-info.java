/** The {@code slack} channel: a Block Kit message through an incoming webhook or {@code chat.postMessage}. */
@NullMarked
package dev.vigil.alerting.channel.slack;

import org.jspecify.annotations.NullMarked;
