package dev.modelcards.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.modelcards.FileErrors;
import dev.modelcards.InputFile;
import dev.modelcards.JsonInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a models folder: {@code {"models": {"<handle>": "<file>", ...}}}. Keys are
 * handles with or without version ({@code google/imagenet/mobilenet_v2_075_96/feature_vector/4} or
 * {@code .../feature_vector} for every version); values are paths relative to the folder. A versioned key
 * wins over an unversioned one, which wins over the naming convention of {@link ModelLayout}.
 *
 * @param models handle → file, sorted by handle
 */
public record Manifest(SortedMap<String, String> models) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Copies the map, sorted.
     *
     * @param models handle → file name relative to the folder
     */
    public Manifest {
        models = new TreeMap<>(models);
    }

    /** {@return an empty manifest} */
    public static Manifest empty() {
        return new Manifest(new TreeMap<>());
    }

    /**
     * Reads {@code dir/manifest.json}, or an empty manifest where the folder has none.
     *
     * @param dir a models folder
     * @return its manifest
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static Manifest read(Path dir) {
        Path file = dir.resolve(ModelLayout.MANIFEST);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return empty();
        }
        String text;
        try {
            text = InputFile.readString(file, InputFile.MANIFEST);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": " + FileErrors.reason(e), e));
        }
        JsonNode root = JsonInput.parse(file.toString(), text);
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isObject()) {
            throw new IllegalArgumentException(file + ": expected {\"models\": {\"<handle>\": \"<file>\", ...}}");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(file + ": models." + e.getKey() + " must be a file name string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return new Manifest(new TreeMap<>(out));
    }

    /**
     * Writes this manifest into {@code dir} atomically, keys sorted, so re-exports are byte-identical.
     *
     * @param dir a models folder
     */
    public void write(Path dir) {
        try {
            byte[] bytes = (JSON.writeValueAsString(Map.of("models", models)) + "\n").getBytes(StandardCharsets.UTF_8);
            ModelFiles.write(bytes, dir.resolve(ModelLayout.MANIFEST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file for a versioned handle: manifest entry for it, then for its variant, then the convention.
     *
     * @param dir the models folder
     * @param versionedHandle the model's handle with version
     * @param variantHandle its variant's handle
     * @param conventionalName the file name {@link ModelLayout} gives it
     * @return the model's file
     */
    public Path resolve(Path dir, String versionedHandle, String variantHandle, String conventionalName) {
        String file = models.get(versionedHandle);
        if (file == null) {
            file = models.get(variantHandle);
        }
        return dir.resolve(file != null ? file : conventionalName).normalize();
    }
}
