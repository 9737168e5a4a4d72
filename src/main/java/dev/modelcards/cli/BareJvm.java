package dev.modelcards.cli;

/** Does nothing: {@code modelcards bench} times a JVM start with this class to compare against. */
public final class BareJvm {
    private BareJvm() {
    }

    /** Returns at once. */
    public static void main(String[] args) {
        // Intentionally empty: the baseline is the cost of starting and stopping the JVM.
    }
}
