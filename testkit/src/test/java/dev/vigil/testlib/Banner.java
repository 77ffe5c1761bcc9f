package dev.vigil.testlib;

/**
 * A stand-in for a third-party library that two plugins bundle in different versions. The tests compile
 * versions 1 and 2 of this class and package one into each plugin; this copy, on the test class path, is
 * never what a plugin sees.
 */
public final class Banner {

    private Banner() {}

    public static String version() {
        return "test class path";
    }
}
