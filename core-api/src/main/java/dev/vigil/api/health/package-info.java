/** Health indicators that feed {@code /health/ready}. */
@NullMarked
package dev.vigil.api.health;

import org.jspecify.annotations.NullMarked;
