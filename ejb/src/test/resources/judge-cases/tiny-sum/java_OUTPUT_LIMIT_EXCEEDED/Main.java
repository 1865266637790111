public class Main {
    public static void main(String[] args) throws Exception {
        String line = "x".repeat(65535);
        while (true) {
            System.out.println(line);
        }
    }
}
