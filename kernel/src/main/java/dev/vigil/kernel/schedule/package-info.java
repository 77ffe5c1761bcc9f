/** The kernel's scheduler and the per-plugin views that cancel a plugin's tasks when it stops. */
@NullMarked
package dev.vigil.kernel.schedule;

import org.jspecify.annotations.NullMarked;
