import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StreamTokenizer;
import java.util.Arrays;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            xs[i] = (long) in.nval;
        }
        Arrays.sort(xs);
        long total = 0;
        long prefix = 0;
        for (int i = 0; i < n; i++) {
            total += xs[i] * i - prefix;
            prefix += xs[i];
        }
        long pairs = (long) n * (n - 1) / 2;
        System.out.printf("%.9f%n", (double) total / pairs);
    }
}
