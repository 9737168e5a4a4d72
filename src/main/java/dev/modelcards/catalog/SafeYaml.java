package dev.modelcards.catalog;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses one catalog file into a snakeyaml node tree, in safe mode: nothing is constructed (only
 * composed), only the YAML core tags are accepted, and size, nesting and alias expansion are bounded
 * so a hostile file fails fast with a located message instead of exhausting the machine.
 */
final class SafeYaml {
    /** Larger than any sane catalog file by two orders of magnitude. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    static final int MAX_NESTING = 40;
    static final int MAX_ALIASES = 50;
    static final int MAX_NODES = 200_000;

    private static final Set<Tag> CORE_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);

    private SafeYaml() {
    }

    /** Returns the document's root node, or null after recording why there is none usable. */
    static Node parse(byte[] bytes, String file, Diagnostics diags) {
        if (bytes.length > MAX_BYTES) {
            diags.error(SourcePos.ofFile(file), "file is larger than " + MAX_BYTES
                    + " bytes, the most a catalog file may have");
            return null;
        }
        String text = decodeUtf8(bytes, file, diags);
        if (text == null) {
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        options.setProcessComments(false);
        try {
            List<Node> docs = new java.util.ArrayList<>();
            for (Node n : new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options),
                    new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                    new org.yaml.snakeyaml.DumperOptions(), options, new DatesAsText()).composeAll(new StringReader(text))) {
                docs.add(n);
            }
            if (docs.isEmpty() || docs.get(0) == null) {
                diags.error(SourcePos.ofFile(file), "file is empty; expected a mapping of catalog keys");
                return null;
            }
            if (docs.size() > 1) {
                Mark m = docs.get(1).getStartMark();
                diags.error(pos(file, m), "a catalog file holds one YAML document; found " + docs.size());
                return null;
            }
            Node root = docs.get(0);
            return checkTree(root, file, diags) ? root : null;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            SourcePos at = m == null ? SourcePos.ofFile(file) : pos(file, m);
            if (what.startsWith(GLOBAL_TAG)) {
                diags.error(at, tagNotAllowed(what.substring(GLOBAL_TAG.length()).strip()));
            } else {
                diags.error(at, "YAML syntax: " + context + what);
            }
            return null;
        } catch (YAMLException e) {
            // Limits (aliases, nesting, size) are reported without a mark by snakeyaml.
            diags.error(SourcePos.ofFile(file), "YAML rejected: " + firstLine(e.getMessage()));
            return null;
        } catch (IllegalArgumentException e) {
            // Found by fuzzing: snakeyaml's Tag constructor throws this for a %-escaped tag that decodes to
            // surrounding whitespace, instead of a YAMLException with a mark.
            diags.error(SourcePos.ofFile(file), "YAML rejected: " + firstLine(e.getMessage()));
            return null;
        } catch (StackOverflowError e) {
            diags.error(SourcePos.ofFile(file), "YAML nested too deeply; at most " + MAX_NESTING + " levels are allowed");
            return null;
        }
    }

    /** snakeyaml's own wording when it refuses a {@code !!java.class} tag while composing. */
    private static final String GLOBAL_TAG = "Global tag is not allowed:";

    private static String tagNotAllowed(String tag) {
        return "tag '" + tag + "' is not allowed; catalog files use plain YAML values (strings, numbers, lists, maps)";
    }

    static SourcePos pos(String file, Mark mark) {
        return new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    static SourcePos pos(String file, Node node) {
        return pos(file, node.getStartMark());
    }

    private static String decodeUtf8(byte[] bytes, String file, Diagnostics diags) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            String text = decoder.decode(in).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                diags.error(positionOf(text, nul, file), "NUL character in file; a catalog file is UTF-8 text");
                return null;
            }
            return text;
        } catch (MalformedInputException e) {
            int bad = in.position();
            String before = new String(bytes, start, bad - start, StandardCharsets.UTF_8);
            diags.error(positionOf(before, before.length(), file),
                    "invalid UTF-8 byte 0x" + String.format("%02X", bytes[bad] & 0xff) + "; catalog files must be UTF-8");
            return null;
        } catch (CharacterCodingException e) {
            diags.error(SourcePos.ofFile(file), "file is not valid UTF-8: " + e.getMessage());
            return null;
        }
    }

    private static SourcePos positionOf(String text, int index, String file) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new SourcePos(file, line, col);
    }

    /** Rejects tags outside the YAML core schema (e.g. {@code !!javax.script.ScriptEngineManager}). */
    private static boolean checkTree(Node root, String file, Diagnostics diags) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        int count = 0;
        boolean ok = true;
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (++count > MAX_NODES) {
                diags.error(SourcePos.ofFile(file), "more than " + MAX_NODES + " YAML nodes; file too large for a catalog");
                return false;
            }
            if (!CORE_TAGS.contains(n.getTag())) {
                diags.error(pos(file, n), tagNotAllowed(n.getTag().getValue()));
                ok = false;
                continue;
            }
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    todo.push(t.getValueNode());
                    todo.push(t.getKeyNode());
                }
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(todo::push);
            }
        }
        return ok;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The core resolver without implicit timestamps: a plain {@code 2020-10-06} (history dates) stays a
     * string that the reader parses, while an explicit {@code !!timestamp} tag is still rejected.
     */
    private static final class DatesAsText extends org.yaml.snakeyaml.resolver.Resolver {
        @Override
        public void addImplicitResolver(Tag tag, java.util.regex.Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
