public class Main {
    public static void main(String[] args) throws Exception {
        long x = 0;
        while (true) {
            x += System.nanoTime() & 1;
        }
    }
}
