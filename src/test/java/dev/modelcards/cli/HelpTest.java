package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand answers -h and --help with its usage, and --version with the versions. */
class HelpTest {
    @Test
    void everySubcommandPrintsHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(9);
        for (List<String> path : paths) {
            for (String flag : List.of("-h", "--help")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRun r = CliRun.of(args.toArray(String[]::new));
                assertThat(r.exit()).as(args + ": " + r.stderr()).isZero();
                assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: modelcards");
            }
        }
    }

    @Test
    void versionNamesModelcardsTheCatalogOnnxruntimeAndJava() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().toList()).hasSize(4).satisfies(lines -> {
            assertThat(lines.get(0)).matches("modelcards \\d+\\.\\d+\\.\\d+.*");
            assertThat(lines.get(1)).startsWith("catalog: ").contains("families", "models");
            assertThat(lines.get(2)).matches("onnxruntime \\d+\\.\\d+\\.\\d+");
            assertThat(lines.get(3)).startsWith("Java " + System.getProperty("java.version"));
        });
        assertThat(CliRun.of("list", "--version").out()).isEqualTo(r.out());
    }

    /** The completion script the build writes (target/modelcards_completion) offers every subcommand and option. */
    @Test
    void completionScriptCoversTheCommands() {
        String script = picocli.AutoComplete.bash("modelcards", Main.commandLine());
        assertThat(script).contains("validate", "generate", "verify", "classify", "--as-of", "--model-version",
                "--include-quantized", "--catalog");
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandName().equals("help") || !e.getKey().equals(e.getValue().getCommandName())) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }
}
