public class Main {
    public static void main(String[] args) throws Exception {
        long[] block = new long[500_000_000];
        System.out.println(block.length);
    }
}
