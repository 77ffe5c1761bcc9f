/** What the plugin's outgoing HTTP (scrapes, remote write) shares. */
@NullMarked
package dev.vigil.metrics.net;

import org.jspecify.annotations.NullMarked;
