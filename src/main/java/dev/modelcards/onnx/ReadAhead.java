package dev.modelcards.onnx;

import dev.modelcards.Variant;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares and inspects model files on one background thread, so that a verify run reads, hashes, parses and
 * walks the next file while onnxruntime (single-threaded, as {@link OnnxModel#load} sets it up) loads and runs
 * the current one: on two cores the Java work then costs little wall time. The caller asks for one file ahead,
 * so at most two files' bytes are held at once; results still come in the caller's order.
 */
final class ReadAhead implements AutoCloseable {
    private final ModelSource source;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "modelcards-read-ahead");
        t.setDaemon(true); // never keeps the JVM alive after the run's result is printed
        return t;
    });

    ReadAhead(ModelSource source) {
        this.source = source;
    }

    /** Starts preparing (building a fresh model if needed) and inspecting {@code file} in the background. */
    Future<ModelInspection> start(Path file, Variant variant) {
        return worker.submit(() -> {
            source.prepare(file, variant);
            return ModelInspection.of(file);
        });
    }

    /**
     * The inspection {@link #start} began; what preparing the file threw (e.g. a model cache that cannot be
     * written) is thrown here, in the caller's thread, as if the caller had prepared the file itself.
     */
    static ModelInspection await(Future<ModelInspection> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a model file to be read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the thread; a file still being read for a run that ended early is abandoned. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
