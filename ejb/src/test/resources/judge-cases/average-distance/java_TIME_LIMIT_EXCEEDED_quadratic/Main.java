import java.util.Scanner;

// Correct but O(n^2): must fail on time on the large tests.
public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) {
            xs[i] = in.nextLong();
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                total += Math.abs(xs[i] - xs[j]);
            }
        }
        System.out.printf("%.9f%n", (double) total / ((long) n * (n - 1) / 2));
    }
}
