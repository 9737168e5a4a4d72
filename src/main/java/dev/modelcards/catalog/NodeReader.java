package dev.modelcards.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of YAML nodes, recording a located diagnostic for every mismatch instead of
 * stopping, so that one validation run reports every problem. Getters return null where a value is
 * missing or wrong; callers carry on with what they have.
 */
final class NodeReader {
    private final String file;
    private final Diagnostics diags;

    NodeReader(String file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    String file() {
        return file;
    }

    Diagnostics diags() {
        return diags;
    }

    SourcePos pos(Node n) {
        return SafeYaml.pos(file, n);
    }

    void error(Node n, String message) {
        diags.error(pos(n), message);
    }

    /**
     * Opens a mapping, reporting duplicate keys and keys outside {@code known} (with a "did you mean"
     * hint). {@code what} names the mapping in messages, e.g. "version entry".
     */
    Fields fields(Node node, String what, String... known) {
        if (!(node instanceof MappingNode m)) {
            error(node, what + " must be a mapping (key: value lines); found " + describe(node));
            return new Fields(node, Map.of());
        }
        Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        List<String> knownList = Arrays.asList(known);
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                error(k, "keys of " + what + " must be plain strings");
                continue;
            }
            String key = ks.getValue();
            if (byKey.containsKey(key)) {
                error(k, "duplicate key '" + key + "' in " + what + " (first at line "
                        + pos(byKey.get(key).getKeyNode()).line() + ")");
                continue;
            }
            byKey.put(key, t);
            if (!knownList.isEmpty() && !knownList.contains(key)) {
                error(k, "unknown key '" + key + "' in " + what + Hints.didYouMean(key, knownList)
                        + "; expected one of: " + String.join(", ", knownList));
            }
        }
        return new Fields(node, byKey);
    }

    String describe(Node n) {
        if (n == null) {
            return "nothing";
        }
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) n;
        if (s.getTag().equals(Tag.NULL)) {
            return "an empty value";
        }
        String v = s.getValue();
        return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
    }

    String string(Node n, String what) {
        if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            if (s.getValue().isBlank()) {
                error(n, what + " must not be blank");
                return null;
            }
            return s.getValue();
        }
        error(n, what + " must be a string; found " + describe(n));
        return null;
    }

    Integer integer(Node n, String what, int min, int max) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                int v = Integer.parseInt(s.getValue().replace("_", ""));
                if (v < min || v > max) {
                    error(n, what + " must be between " + min + " and " + max + "; found " + v);
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                // Falls through to the generic message: hex, octal or out of int range.
            }
        }
        error(n, what + " must be a whole number; found " + describe(n));
        return null;
    }

    /** A finite, non-negative decimal kept exactly as written ({@code 0.50} stays 0.50). */
    BigDecimal decimal(Node n, String what) {
        if (n instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                BigDecimal v = new BigDecimal(s.getValue().replace("_", ""));
                if (v.signum() < 0) {
                    error(n, what + " must not be negative; found " + s.getValue());
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                // .nan, .inf and friends: not a finite decimal.
            }
        }
        error(n, what + " must be a finite number; found " + describe(n));
        return null;
    }

    Boolean bool(Node n, String what) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.valueOf(s.getValue().toLowerCase(java.util.Locale.ROOT).equals("true"));
        }
        error(n, what + " must be true or false; found " + describe(n));
        return null;
    }

    /** The items of a list; a wrong type yields an empty list after a diagnostic. */
    List<Node> list(Node n, String what) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        error(n, what + " must be a list; found " + describe(n));
        return List.of();
    }

    <T> List<T> listOf(Node n, String what, Function<Node, T> item) {
        List<T> out = new ArrayList<>();
        for (Node i : list(n, what)) {
            T v = item.apply(i);
            if (v != null) {
                out.add(v);
            }
        }
        return Collections.unmodifiableList(out);
    }

    List<String> strings(Node n, String what) {
        return listOf(n, what, i -> string(i, what + " item"));
    }

    /** A mapping with free-form keys (e.g. per-multiplier values), in file order. */
    Map<String, Node> entries(Node n, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        fields(n, what).byKey.forEach((k, t) -> out.put(k, t.getValueNode()));
        return out;
    }

    /** Access to one mapping's values by key. */
    final class Fields {
        private final Node node;
        private final Map<String, NodeTuple> byKey;

        Fields(Node node, Map<String, NodeTuple> byKey) {
            this.node = node;
            this.byKey = byKey;
        }

        SourcePos pos() {
            return NodeReader.this.pos(node);
        }

        boolean has(String key) {
            return byKey.containsKey(key) && !isNull(byKey.get(key).getValueNode());
        }

        /** The value node, or null after a "missing field" diagnostic. */
        Node required(String key, String what) {
            NodeTuple t = byKey.get(key);
            if (t == null) {
                if (byKey.isEmpty() && !(node instanceof MappingNode)) {
                    return null; // already reported as not a mapping
                }
                error(node, "missing field '" + key + "' in " + what);
                return null;
            }
            return t.getValueNode();
        }

        Node optional(String key) {
            NodeTuple t = byKey.get(key);
            return t == null || isNull(t.getValueNode()) ? null : t.getValueNode();
        }

        SourcePos keyPos(String key) {
            NodeTuple t = byKey.get(key);
            return t == null ? pos() : NodeReader.this.pos(t.getKeyNode());
        }

        String string(String key, String what) {
            Node n = required(key, what);
            return n == null ? null : NodeReader.this.string(n, "'" + key + "' of " + what);
        }

        String optString(String key, String what) {
            Node n = optional(key);
            return n == null ? null : NodeReader.this.string(n, "'" + key + "' of " + what);
        }

        Integer integer(String key, String what, int min, int max) {
            Node n = required(key, what);
            return n == null ? null : NodeReader.this.integer(n, "'" + key + "' of " + what, min, max);
        }

        Boolean bool(String key, String what, boolean fallback) {
            Node n = optional(key);
            if (n == null) {
                return fallback;
            }
            Boolean b = NodeReader.this.bool(n, "'" + key + "' of " + what);
            return b == null ? fallback : b;
        }

        List<String> optStrings(String key, String what) {
            Node n = optional(key);
            return n == null ? List.of() : strings(n, "'" + key + "' of " + what);
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }
}
