/** Health indicators and the readiness report. */
@NullMarked
package dev.vigil.kernel.health;

import org.jspecify.annotations.NullMarked;
