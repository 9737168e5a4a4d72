package dev.modelcards.cli;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.modelcards.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor that {@code verify} is measured against: open an onnxruntime session on each model file and
 * run it once, nothing else. {@code bench models} runs {@link #run} in-process; {@code bench/run-all.sh}
 * runs {@link #main} as a whole process, so a bare JVM plus onnxruntime can be timed like any command.
 */
public final class OnnxFloor {
    private OnnxFloor() {
    }

    /**
     * Opens, runs once and closes each file in order, one session at a time.
     *
     * @param env the onnxruntime environment
     * @param files the model files, run in this order
     * @throws IOException if a file cannot be read
     * @throws OrtException if onnxruntime refuses a model or fails to run it
     */
    public static void run(OrtEnvironment env, List<Path> files) throws IOException, OrtException {
        for (Path f : files) {
            try (OnnxModel m = OnnxModel.load(env, Files.readAllBytes(f))) {
                m.runDeterministic();
            }
        }
    }

    /**
     * {@code OnnxFloor DIR}: runs the floor over every {@code *.onnx} file directly in DIR (by name) and
     * prints how many it ran; exit 1 if there is none or one fails, so a broken floor cannot pass for a fast one.
     *
     * @param args the folder of {@code *.onnx} files
     * @throws IOException if the folder cannot be listed or a file read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: OnnxFloor DIR");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
        }
        if (files.isEmpty()) {
            System.err.println("OnnxFloor: no .onnx files in " + args[0]);
            System.exit(1);
        }
        try {
            run(OnnxModel.environment(), files);
        } catch (OrtException e) {
            System.err.println("OnnxFloor: onnxruntime failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("ran " + files.size() + " model files once each");
    }
}
