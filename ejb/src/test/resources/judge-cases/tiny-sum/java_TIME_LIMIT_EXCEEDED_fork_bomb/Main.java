public class Main {
    public static void main(String[] args) throws Exception {
        while (true) {
            try {
                new ProcessBuilder("/bin/sh", "-c", "sleep 100").start();
            } catch (Throwable ignored) {
                // keep trying: the pids limit must hold
            }
        }
    }
}
