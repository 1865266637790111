public class Main {
    public static void main(String[] args) throws Exception {
        java.util.List<long[]> kept = new java.util.ArrayList<>();
        while (true) {
            kept.add(new long[1 << 17]);
        }
    }
}
