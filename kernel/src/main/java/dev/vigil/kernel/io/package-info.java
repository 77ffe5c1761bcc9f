/** File-system helpers shared by the kernel and the testkit. */
@NullMarked
package dev.vigil.kernel.io;

import org.jspecify.annotations.NullMarked;
