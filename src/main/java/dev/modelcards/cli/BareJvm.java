package dev.modelcards.cli;

/**
 * The baseline of the start-up benchmarks ({@code bench generate}, {@code bench/run-all.sh}): a JVM that prints
 * one line and exits, so every command's time can be shown as a multiple of what any Java program costs.
 */
public final class BareJvm {
    private BareJvm() {
    }

    /**
     * Prints one line and returns.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // One line, like the shortest command's output: the baseline is starting, printing and stopping.
        System.out.println("bare JVM");
    }
}
