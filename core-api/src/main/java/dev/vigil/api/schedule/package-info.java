/** Scheduled work owned by a plugin and cancelled when it stops. */
@NullMarked
package dev.vigil.api.schedule;

import org.jspecify.annotations.NullMarked;
