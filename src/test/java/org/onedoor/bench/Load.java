package org.onedoor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A closed loop of {@code clients}: each starts one request, waits until it has ended, starts the next. Only
 * what starts and ends inside the measurement window counts; CPU is read at both ends of the window, of the
 * processes that serve the requests, with the JIT compiler's and the garbage collector's share apart: a JVM
 * still compiling its hot code is not yet in its steady state.
 */
public final class Load {

    /** Starts one request; returns when it is accepted, with the latch its end will count down. */
    interface Starter {
        CountDownLatch start(String key) throws Exception;
    }

    private final int clients;
    private final Starter starter;

    Load(int clients, Starter starter) {
        this.clients = clients;
        this.starter = starter;
    }

    Map<String, Object> run(int warmUpSeconds, int seconds, long... pids) throws InterruptedException {
        long begin = System.nanoTime();
        long windowStart = begin + TimeUnit.SECONDS.toNanos(warmUpSeconds);
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(seconds);
        List<Long> intake = Collections.synchronizedList(new ArrayList<>());
        List<Long> endToEnd = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger endedAll = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < windowEnd) {
                    long t0 = System.nanoTime();
                    try {
                        CountDownLatch done = starter.start("bench-" + sequence.incrementAndGet());
                        long accepted = System.nanoTime();
                        if (!done.await(120, TimeUnit.SECONDS)) {
                            failures.incrementAndGet();
                            continue;
                        }
                        long end = System.nanoTime();
                        endedAll.incrementAndGet();
                        if (t0 >= windowStart && end <= windowEnd) {
                            intake.add(accepted - t0);
                            endToEnd.add(end - t0);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }, "client-" + c);
            t.start();
            threads.add(t);
        }
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(windowStart - System.nanoTime())));
        long[] cpuStart = cpuNanos(pids);
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(windowEnd - System.nanoTime())));
        long[] cpuEnd = cpuNanos(pids);
        long cpu = cpuEnd[0] - cpuStart[0];
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(150));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        int completed = endToEnd.size();
        result.put("clients", clients);
        result.put("seconds", seconds);
        result.put("completed", completed);
        result.put("endedIncludingWarmUp", endedAll.get());
        result.put("failures", failures.get());
        result.put("throughputPerSecond", Benchmark.round(completed / (double) seconds));
        result.put("cpuMillisPerRequest", completed == 0 ? null : Benchmark.round(cpu / 1e6 / completed));
        result.put("cpuCoresBusy", Benchmark.round(cpu / 1e9 / seconds));
        result.put("cpuMillisPerRequestWithoutJit", completed == 0 ? null
                : Benchmark.round((cpu - (cpuEnd[1] - cpuStart[1])) / 1e6 / completed));
        result.put("jitCompilerShareOfCpu", Benchmark.round((cpuEnd[1] - cpuStart[1]) / (double) cpu));
        result.put("garbageCollectorShareOfCpu", Benchmark.round((cpuEnd[2] - cpuStart[2]) / (double) cpu));
        result.put("intakeMillis", percentiles(intake));
        result.put("endToEndMillis", percentiles(endToEnd));
        return result;
    }

    /**
     * user + system CPU of processes from /proc (Linux; clock ticks of 10 ms): all of it, then the JIT compiler
     * threads' and the garbage collector's threads' (live threads only: these live as long as the JVM).
     */
    static long[] cpuNanos(long... pids) {
        long[] cpu = new long[3];
        for (long pid : pids) {
            cpu[0] += ticks(Path.of("/proc", String.valueOf(pid), "stat"));
            try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String name = Files.readString(task.resolve("comm")).trim();
                        int kind = name.contains("CompilerThre") ? 1 : name.startsWith("GC Thread") || name.startsWith("G1 ") ? 2 : 0;
                        if (kind > 0) {
                            cpu[kind] += ticks(task.resolve("stat"));
                        }
                    } catch (IOException | IllegalStateException ended) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return cpu;
    }

    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        Map<String, Object> p = new LinkedHashMap<>();
        for (int q : new int[] {50, 95, 99}) {
            p.put("p" + q, sorted.isEmpty() ? null
                    : Benchmark.round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q / 100.0 * sorted.size()) - 1)) / 1e6));
        }
        p.put("n", sorted.size()); // the reliability page prints how many requests each window had
        return p;
    }
}
