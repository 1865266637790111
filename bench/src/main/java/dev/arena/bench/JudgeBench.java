package dev.arena.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The judge end to end: a submission posted over REST until its DONE event arrives on the owner's socket.
 * After a few unrecorded ones (the servers' just-in-time compilers warm up as on a cluster in use), first
 * one at a time (latency), each a pause after the last verdict as a user's next one would come, so that it
 * finds the cluster idle; then several in flight (submissions per second). The submit limit is
 * per user and minute, so the submissions are spread over many users, each with a socket of its own.
 */
final class JudgeBench {

    private static final Logger LOG = Logger.getLogger(JudgeBench.class.getName());

    record Result(String language, int sequential, long p50Micros, long p99Micros, int concurrent,
                  int inFlight, double perSecond, int notAccepted, String verdicts) {
    }

    private record Done(long at, String verdict) {
    }

    private final Target target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final List<Conn> sockets;
    private final String[] users;
    private final Map<String, CompletableFuture<Done>> done = new ConcurrentHashMap<>();
    private int nextUser;

    JudgeBench(Target target, int userCount) throws InterruptedException {
        this.target = target;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        this.users = new String[userCount];
        for (int i = 0; i < userCount; i++) {
            users[i] = "judge" + run + "u" + i;
        }
        this.sockets = target.open(userCount, i -> "judge-" + run + "-" + i, i -> users[i], this::onFrame, 50,
                Duration.ofSeconds(60), 0);
    }

    private void onFrame(Conn conn, Wire.Kind kind, byte[] data, int offset, int length) {
        String text = new String(data, offset, length, StandardCharsets.UTF_8);
        if (!text.startsWith("{\"type\":\"submission\"") || !text.contains("\"status\":\"DONE\"")) {
            return;
        }
        long now = System.nanoTime();
        String id = stringField(text, "id");
        if (id != null) {
            done.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(new Done(now, stringField(text, "verdict")));
        }
    }

    Result run(String language, String code, int warmUp, int sequential, Duration pause, int concurrent,
               int inFlight) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            submit(language, code).get(120, TimeUnit.SECONDS);
        }
        Histogram latency = new Histogram();
        int[] notAccepted = {0};
        Map<String, Integer> verdicts = new java.util.TreeMap<>();
        for (int i = 0; i < sequential; i++) {
            Thread.sleep(pause);
            long started = System.nanoTime();
            Done d = submit(language, code).get(120, TimeUnit.SECONDS);
            latency.record((d.at() - started) / 1000);
            verdicts.merge(String.valueOf(d.verdict()), 1, Integer::sum);
            if (!"ACCEPTED".equals(d.verdict())) {
                notAccepted[0]++;
            }
        }
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Done>> all = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < concurrent; i++) {
            slots.acquire();
            CompletableFuture<Done> f = submit(language, code);
            f.whenComplete((d, e) -> slots.release());
            all.add(f);
        }
        long last = started;
        for (CompletableFuture<Done> f : all) {
            Done d = f.get(300, TimeUnit.SECONDS);
            last = Math.max(last, d.at());
            verdicts.merge(String.valueOf(d.verdict()), 1, Integer::sum);
            if (!"ACCEPTED".equals(d.verdict())) {
                notAccepted[0]++;
            }
        }
        double perSecond = concurrent == 0 ? Double.NaN : concurrent / ((last - started) / 1e9);
        return new Result(language, sequential, latency.percentile(0.5), latency.percentile(0.99), concurrent,
                inFlight, perSecond, notAccepted[0], verdicts.toString());
    }

    private CompletableFuture<Done> submit(String language, String code) throws IOException, InterruptedException {
        int u = nextUser++ % users.length;
        int port = target.ports[u % target.ports.length];
        String body = "{\"problemId\":\"a-plus-b\",\"language\":\"" + language + "\",\"code\":" + jsonString(code) + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/submissions"))
                .header("Authorization", "Bearer " + target.token(users[u]))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException("submit answered " + response.statusCode() + ": " + response.body());
        }
        String id = stringField(response.body(), "id");
        return done.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    static String solution(Path dir, String language) throws IOException {
        return Files.readString(dir.resolve(switch (language) {
            case "python" -> "main.py";
            case "cpp" -> "main.cpp";
            case "javascript" -> "main.js";
            case "java" -> "Main.java";
            default -> throw new IllegalArgumentException(language);
        }));
    }

    void close() {
        sockets.forEach(Conn::close);
        LOG.log(Level.FINE, "judge sockets closed");
    }

    private static String stringField(String json, String key) {
        String marker = "\"" + key + "\":\"";
        int at = json.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int from = at + marker.length();
        return json.substring(from, json.indexOf('"', from));
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
