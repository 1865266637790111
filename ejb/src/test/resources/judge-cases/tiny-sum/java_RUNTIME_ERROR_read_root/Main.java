public class Main {
    public static void main(String[] args) throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("/root"))) {
            files.count();
            java.util.Scanner in = new java.util.Scanner(System.in);
            System.out.println(in.nextLong() + in.nextLong());
        }
    }
}
