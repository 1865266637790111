import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.PriorityQueue;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in);
        int m = (int) readLong(in);
        int[] head = new int[n + 1];
        Arrays.fill(head, -1);
        int[] next = new int[m];
        int[] to = new int[m];
        long[] weight = new long[m];
        for (int k = 0; k < m; k++) {
            int u = (int) readLong(in);
            to[k] = (int) readLong(in);
            weight[k] = readLong(in);
            next[k] = head[u];
            head[u] = k;
        }
        long[] dist = new long[n + 1];
        Arrays.fill(dist, -1);
        PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        heap.add(new long[] {0, 1});
        while (!heap.isEmpty()) {
            long[] top = heap.poll();
            int u = (int) top[1];
            if (dist[u] != -1) {
                continue;
            }
            dist[u] = top[0];
            for (int k = head[u]; k != -1; k = next[k]) {
                if (dist[to[k]] == -1) {
                    heap.add(new long[] {top[0] + weight[k], to[k]});
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int v = 1; v <= n; v++) {
            out.append(dist[v]).append(v == n ? '\n' : ' ');
        }
        System.out.print(out);
    }

    private static long readLong(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r') {
            c = in.read();
        }
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = in.read();
        }
        return value;
    }
}
