/** Resolution: which plugins can start, in which order, and why the others cannot. */
@NullMarked
package dev.vigil.kernel.resolve;

import org.jspecify.annotations.NullMarked;
