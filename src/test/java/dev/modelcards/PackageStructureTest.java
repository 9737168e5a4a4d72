package dev.modelcards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The three data flows stay visible in the packages: the catalog depends on nothing of ours, the
 * public API only on the catalog, each flow only on what comes before it, and no package cycles.
 */
class PackageStructureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.modelcards(?:\\.[a-z]+)*)\\.[A-Z]");

    /** package → packages of ours it refers to (imports and qualified names). */
    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return deps;
    }

    @Test
    void eachFlowDependsOnlyOnWhatComesBeforeIt() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertThat(deps.get("dev.modelcards.catalog")).isEmpty();
        assertThat(deps.get("dev.modelcards")).containsOnly("dev.modelcards.catalog");
        for (String flow : List.of("dev.modelcards.render", "dev.modelcards.onnx", "dev.modelcards.json",
                "dev.modelcards.diff")) {
            assertThat(deps.get(flow)).as(flow).isSubsetOf("dev.modelcards", "dev.modelcards.catalog");
        }
        assertThat(deps.get("dev.modelcards.onnx")).as("verification never needs the renderer")
                .doesNotContain("dev.modelcards.render", "dev.modelcards.site", "dev.modelcards.docs");
        deps.forEach((pkg, uses) -> {
            if (!pkg.equals("dev.modelcards.cli")) {
                assertThat(uses).as(pkg + " must not depend on the CLI").doesNotContain("dev.modelcards.cli");
            }
        });
    }

    @Test
    void noPackageCycles() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        for (String start : deps.keySet()) {
            List<String> path = new ArrayList<>();
            assertThat(cycleFrom(start, start, deps, path, new TreeSet<>())).as("cycle: " + path).isFalse();
        }
    }

    private static boolean cycleFrom(String start, String at, Map<String, Set<String>> deps, List<String> path,
                                     Set<String> seen) {
        path.add(at);
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.add(next);
                return true;
            }
            if (seen.add(next) && cycleFrom(start, next, deps, path, seen)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /**
     * The lookup API answers in its own terms: no public member of a public type in {@code dev.modelcards} takes or
     * returns one of the catalog's records (those reach modelcards' own tools through {@code catalog.Specs}). The one
     * exception is the factory that builds a registry from a catalog the caller loaded and validated itself.
     */
    @Test
    void thePublicApiExposesNoCatalogRecords() throws Exception {
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("dev/modelcards"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Class<?> c = Class.forName("dev.modelcards." + f.getFileName().toString().replace(".java", ""));
                if (!java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                    continue;
                }
                List<java.lang.reflect.Member> members = new ArrayList<>();
                members.addAll(List.of(c.getMethods()));
                members.addAll(List.of(c.getConstructors()));
                members.addAll(List.of(c.getFields()));
                for (java.lang.reflect.Member m : members) {
                    String signature = m instanceof java.lang.reflect.Method method ? method.toGenericString()
                            : m instanceof java.lang.reflect.Constructor<?> ctor ? ctor.toGenericString()
                            : ((java.lang.reflect.Field) m).toGenericString();
                    if (signature.contains("dev.modelcards.catalog.")
                            && !signature.equals("public static dev.modelcards.Registry dev.modelcards.Registry.of(dev.modelcards.catalog.Catalog)")) {
                        leaks.add(signature);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
