/**
 * Testing Vigil plugins: {@link dev.vigil.testkit.TestKernel} runs a real kernel in the test's process, with
 * a real HTTP server and real plugin JARs; {@link dev.vigil.testkit.PluginJar} builds plugin JARs from a
 * test's classes; {@link dev.vigil.testkit.TestingClock} and {@link dev.vigil.testkit.TestingScheduler}
 * put time under the test's control.
 */
@NullMarked
package dev.vigil.testkit;

import org.jspecify.annotations.NullMarked;
