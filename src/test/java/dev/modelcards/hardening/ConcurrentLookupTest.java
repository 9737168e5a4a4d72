package dev.modelcards.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Deployment;
import dev.modelcards.LookupException;
import dev.modelcards.ModelVersion;
import dev.modelcards.Query;
import dev.modelcards.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One {@link Registry} shared by 8 threads, each running 100 000 mixed lookups and queries (handles and
 * URLs of float and quantized models and of TF.js deployment cards, malformed input, filtered and ordered
 * lists with and without quantized variants, best, explain): every answer must equal the
 * single-threaded answer to the same question, and nothing may throw what a single thread would not.
 * Sizes can be raised with {@code -Dmodelcards.concurrency.threads} and {@code .operations}.
 */
class ConcurrentLookupTest {
    private static final int THREADS = Integer.getInteger("modelcards.concurrency.threads", 8);
    private static final int OPERATIONS = Integer.getInteger("modelcards.concurrency.operations", 100_000);

    /** A question and its single-threaded answer (a value, or the message of the LookupException). */
    private record Case(String name, Supplier<Object> ask, Object expected) {
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentAnswersEqualSingleThreadedAnswers() throws Exception {
        Registry registry = Registry.load();
        List<Case> cases = cases(registry);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 1000L + t;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    start.await();
                    for (int i = 0; i < OPERATIONS; i++) {
                        Case c = cases.get(random.nextInt(cases.size()));
                        Object got = answer(c.ask());
                        if (!Objects.equals(got, c.expected()) && problems.size() < 20) {
                            problems.add(c.name() + ": expected " + c.expected() + " but got " + got);
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(); // rethrows anything unexpected a worker threw
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
        assertThat(done.get()).isEqualTo((long) THREADS * OPERATIONS);
    }

    private static Object answer(Supplier<Object> ask) {
        try {
            return ask.get();
        } catch (LookupException e) {
            return "LookupException: " + e.getMessage();
        }
    }

    /** Every published model by handle and URL, malformed input, and a spread of queries. */
    private static List<Case> cases(Registry registry) {
        List<Case> out = new ArrayList<>();
        List<Supplier<Object>> asks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ModelVersion m : registry.models()) {
            add(names, asks, "get " + m.handle(), () -> registry.get(m.handle()));
            add(names, asks, "url " + m.url(), () -> registry.get(m.url()));
            add(names, asks, "latest " + m.variant().handle(), () -> registry.get(m.variant().handle()));
        }
        for (Deployment d : registry.deployments()) {
            add(names, asks, "deployment " + d.handle(), () -> registry.deployment(d.handle()).map(Deployment::parent)
                    .orElseThrow());
            add(names, asks, "get! deployment " + d.handle(), () -> registry.get(d.handle()));
        }
        for (String bad : List.of("", "google/imagenet/mobilenet_v2_100_224/classification/9",
                "google/imagenet/mobilenet_v2_100_224/quantops/classification",
                "google/imagenet/mobilenet_v1_100_224/quantops/classification/2",
                "google/imagenet/mobilenet_v1_100_224/classification/4/default/tfjs/1",
                "google/imagenet/mobilenet_v1_100_224/classification/latest",
                "google/imagenet/mobilenet_v3_100_224/classification", "google/imagenet/../x/y", "a/b/c/d/e/f",
                "google/imagenet/mobilenet_v2_100_224/cl\u0430ssification", "https://tfhub.dev/google/imagenet/x/y/0")) {
            add(names, asks, "get " + bad, () -> registry.find(bad).map(Object::toString).orElse("absent"));
            add(names, asks, "get! " + bad, () -> registry.get(bad));
        }
        for (Query.Order order : Query.Order.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                add(names, asks, "all by " + order + desc, () -> registry.query().orderBy(order, desc).list());
                add(names, asks, "v2 fv by " + order + desc, () -> registry.query().family("mobilenet_v2")
                        .head("feature_vector").orderBy(order, desc).list());
            }
        }
        for (int res : new int[] {96, 128, 160, 192, 224, 200}) {
            for (double macs : new double[] {10, 50, 100, 300, 1000}) {
                add(names, asks, "best " + res + "/" + macs, () -> registry.query().resolution(res).maxMacs(macs).best());
                add(names, asks, "explain " + res + "/" + macs,
                        () -> registry.query().head("classification").resolution(res).maxMacs(macs).explain());
            }
        }
        add(names, asks, "no such multiplier", () -> registry.query().family("mobilenet_v2").multiplier(0.6).best());
        add(names, asks, "all with quantized", () -> registry.query().includeQuantized().orderBy(Query.Order.TOP1, true).list());
        add(names, asks, "best with quantized", () -> registry.query().includeQuantized().resolution(224).best());
        add(names, asks, "quantops 128", () -> registry.query().quantization("quantops").resolution(128).list());
        add(names, asks, "no quantized v2", () -> registry.query().family("mobilenet_v2").quantized(true).explain());
        add(names, asks, "v4 tf2", () -> registry.query().version(4).format("tf2_saved_model").minTop1(60).list());
        add(names, asks, "small", () -> registry.query().maxParams(2.0).resolutionBetween(100, 200).list());
        for (int i = 0; i < asks.size(); i++) {
            out.add(new Case(names.get(i), asks.get(i), answer(asks.get(i))));
        }
        return List.copyOf(out);
    }

    private static void add(List<String> names, List<Supplier<Object>> asks, String name, Supplier<Object> ask) {
        names.add(name);
        asks.add(ask);
    }
}
