/** The kernel's own HTTP endpoints: liveness, readiness, the plugin list and plugin administration. */
@NullMarked
package dev.vigil.kernel.endpoint;

import org.jspecify.annotations.NullMarked;
