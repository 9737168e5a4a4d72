package dev.modelcards.hardening;

/**
 * A class that a hostile catalog names in a YAML tag ({@code !!dev.modelcards.hardening.Canary}). Safe
 * loading must never construct, or even initialize, it; if it did, {@link #initialized} would say so.
 */
public final class Canary {
    /** Set by the static initializer; read through {@link HostileCatalogTest#CANARY}, not this class. */
    static {
        HostileCatalogTest.CANARY.set(true);
    }

    public Canary() {
    }

    public Canary(String ignored) {
    }
}
