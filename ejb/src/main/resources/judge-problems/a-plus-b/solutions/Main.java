import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.util.StringTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int t = Integer.parseInt(in.readLine().trim());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t; i++) {
            StringTokenizer pair = new StringTokenizer(in.readLine());
            long a = Long.parseLong(pair.nextToken());
            long b = Long.parseLong(pair.nextToken());
            long sum = a + b;
            // Overflow happened when both operands have the same sign and the sum's sign differs.
            boolean overflow = ((a ^ sum) & (b ^ sum)) < 0;
            out.append(overflow ? BigInteger.valueOf(a).add(BigInteger.valueOf(b)).toString() : Long.toString(sum));
            out.append('\n');
        }
        System.out.print(out);
    }
}
