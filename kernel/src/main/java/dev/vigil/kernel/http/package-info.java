/**
 * The kernel's HTTP server: one Jetty server (through Javalin) whose routes plugins add and remove while
 * it runs, guarded by the admin token, a request body limit and a bound on concurrent requests.
 *
 * <p>Javalin only accepts routes before it starts, so it gets a single catch-all route that looks every
 * request up in a {@link dev.vigil.kernel.http.RouteTable}.
 */
@NullMarked
package dev.vigil.kernel.http;

import org.jspecify.annotations.NullMarked;
