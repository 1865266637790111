public class Main {
    public static void main(String[] args) throws Exception {
        int written = 0;
        for (String path : new String[] {"/box/evil", "/usr/evil", "/etc/evil", "/evil", "/dev/evil"}) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(path), "x");
                written++;
            } catch (java.io.IOException e) {
                // expected: read-only or missing
            }
        }
        if (written == 0) {
            throw new IllegalStateException("every write outside /tmp failed");
        }
        java.util.Scanner in = new java.util.Scanner(System.in);
        System.out.println(in.nextLong() + in.nextLong());
    }
}
