package dev.modelcards.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelcards.Registry;
import dev.modelcards.catalog.CatalogLoader;
import dev.modelcards.diff.CatalogDiff;
import dev.modelcards.diff.Change;
import dev.modelcards.json.RegistryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modelcards diff}: the typed changes between the catalog at a git ref (or in a folder) and the
 * working catalog; with {@code --check}, exit 1 on any breaking change to a published version that the
 * catalog does not list under {@code withdrawn:}.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Typed changes between the catalog at a git ref or in a folder and the working catalog:",
                "breaking (a published version's interface, format or existence), compatible (additions), docs (text, figures).",
                "With --check, exit 1 on a breaking change not listed under 'withdrawn:' in catalog.yaml."})
public final class DiffCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Option(names = "--against", paramLabel = "REF|DIR",
            description = "A git ref or a catalog folder (default: HEAD when the catalog has uncommitted changes, else "
                    + "the merge base with origin's default branch, else HEAD~1).")
    String against;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--check", description = "Exit 1 on a breaking change to a published version that is not withdrawn.")
    boolean check;

    /** How changes are printed. */
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = catalog.dir();
        if (dir == null) {
            throw new CommandFailure("diff compares a catalog folder with an earlier one: run it in a modelcards project or give --catalog DIR");
        }
        Registry after = catalog.registry();
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        Baseline base = baseline(dir);
        if (base == null) {
            err.println("diff: no earlier catalog to compare with (no previous commit); nothing to check");
            return 0;
        }
        CatalogLoader.Result old = base.files != null ? CatalogLoader.check(base.label, base.files) : CatalogLoader.check(base.dir);
        if (!old.ok()) {
            // The earlier catalog predates a change of the catalog's own format (a modelcards change, not a
            // data change): there is nothing typed to compare, and the gate cannot judge it.
            err.println("diff: the catalog at " + base.label + " does not load with this modelcards ("
                    + old.diagnostics().get(0) + "); nothing to compare; use --against with a later commit");
            return 0;
        }
        List<Change> changes = CatalogDiff.between(Registry.of(old.catalog()), after);
        if (format == Format.json) {
            out.print(RegistryJson.write(json(base.label, changes)));
        } else {
            for (Change c : changes) {
                out.println(c.kind().id() + "\t" + c.handle() + "\t" + c.what() + ": " + shown(c.before()) + " -> " + shown(c.after())
                        + (c.withdrawn() == null ? "" : "\t(withdrawn: " + c.withdrawn() + ")") + "\t" + c.pos());
            }
            err.println("diff against " + base.label + ": " + count(changes, Change.Kind.BREAKING) + " breaking, "
                    + count(changes, Change.Kind.COMPATIBLE) + " compatible, " + count(changes, Change.Kind.DOCS) + " docs"
                    + (changes.stream().anyMatch(c -> c.withdrawn() != null) ? ", "
                    + changes.stream().filter(c -> c.withdrawn() != null).count() + " withdrawn on purpose" : ""));
        }
        out.flush();
        if (check) {
            List<Change> blocking = changes.stream().filter(Change::blocks).toList();
            blocking.forEach(c -> err.println(c.pos() + ": error: " + CatalogDiff.gateMessage(c, after)));
            if (!blocking.isEmpty()) {
                err.println(blocking.size() + " breaking change(s) to published versions");
                return 1;
            }
        }
        return 0;
    }

    private static long count(List<Change> changes, Change.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    private static String shown(String s) {
        return s.isEmpty() ? "(none)" : s;
    }

    /** The documented JSON: {@code {"against", "changes": [{kind, handle, what, before, after, file, line, column, withdrawn}]}}. */
    private static ObjectNode json(String against, List<Change> changes) {
        ObjectNode o = RegistryJson.MAPPER.createObjectNode();
        o.put("against", against);
        ArrayNode a = o.putArray("changes");
        for (Change c : changes) {
            ObjectNode n = a.addObject();
            n.put("kind", c.kind().id());
            n.put("handle", c.handle());
            n.put("what", c.what());
            n.put("before", c.before());
            n.put("after", c.after());
            n.put("file", c.pos().file());
            n.put("line", c.pos().line());
            n.put("column", c.pos().column());
            if (c.withdrawn() == null) {
                n.putNull("withdrawn");
            } else {
                n.put("withdrawn", c.withdrawn());
            }
        }
        return o;
    }

    /** The earlier catalog: a folder, or the files of the catalog folder at a git ref. */
    private record Baseline(String label, Path dir, Map<String, byte[]> files) {
    }

    private Baseline baseline(Path dir) throws IOException, InterruptedException {
        if (against != null && Files.isDirectory(Path.of(against))) {
            return new Baseline(against, Path.of(against), null);
        }
        Path abs = dir.toAbsolutePath().normalize();
        String top = git(abs, "rev-parse", "--show-toplevel");
        if (top == null) {
            throw new CommandFailure(dir + " is not in a git repository; give --against DIR");
        }
        String prefix = Path.of(top.strip()).relativize(abs).toString().replace('\\', '/');
        // Paths in REF:path are from the repository's top; ls-tree run below it would filter by that folder.
        abs = Path.of(top.strip());
        String ref = against;
        String dirty = ref == null ? git(abs, "status", "--porcelain", "--", prefix) : null;
        if (dirty != null && !dirty.isBlank() && git(abs, "rev-parse", "--verify", "--quiet", "HEAD") != null) {
            ref = "HEAD"; // an edit in progress is compared with what was last committed
        }
        if (ref == null) {
            String upstream = git(abs, "rev-parse", "--abbrev-ref", "origin/HEAD");
            ref = upstream != null ? git(abs, "merge-base", "HEAD", upstream.strip()) : null;
            if (ref == null || ref.strip().equals(git(abs, "rev-parse", "HEAD").strip())) {
                ref = git(abs, "rev-parse", "--verify", "--quiet", "HEAD~1");
                if (ref == null) {
                    return null;
                }
            }
            ref = ref.strip();
        } else if (git(abs, "rev-parse", "--verify", "--quiet", ref + "^{commit}") == null) {
            throw new CommandFailure("'" + against + "' is neither a catalog folder nor a git commit");
        }
        String names = git(abs, "ls-tree", "--name-only", ref + ":" + prefix);
        if (names == null) {
            throw new CommandFailure("the catalog folder " + prefix + " does not exist at " + ref);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names.split("\n")) {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                String text = git(abs, "show", ref + ":" + prefix + "/" + name);
                files.put(name, text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
            }
        }
        String label = ref.length() == 40 ? ref.substring(0, 8) : ref;
        return new Baseline(label, null, files);
    }

    /** Runs git in {@code dir}; its stdout, or null when it fails. */
    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
