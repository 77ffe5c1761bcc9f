/** Deploying, starting, stopping, replacing and undeploying plugins. */
@NullMarked
package dev.vigil.kernel.lifecycle;

import org.jspecify.annotations.NullMarked;
