/** Who owns what: each plugin run's registrations, closed together when it stops, and context class loader swaps. */
@NullMarked
package dev.vigil.kernel.owner;

import org.jspecify.annotations.NullMarked;
