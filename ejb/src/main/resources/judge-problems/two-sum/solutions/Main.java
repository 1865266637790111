import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in);
        long target = readLong(in);
        Map<Long, Integer> seen = new HashMap<>(n * 2);
        for (int j = 0; j < n; j++) {
            long value = readLong(in);
            Integer i = seen.get(target - value);
            if (i != null) {
                System.out.println((i + 1) + " " + (j + 1));
                return;
            }
            seen.put(value, j);
        }
    }

    private static long readLong(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r') {
            c = in.read();
        }
        boolean negative = c == '-';
        if (negative) {
            c = in.read();
        }
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = in.read();
        }
        return negative ? -value : value;
    }
}
