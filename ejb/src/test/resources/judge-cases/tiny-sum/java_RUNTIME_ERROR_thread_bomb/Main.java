public class Main {
    public static void main(String[] args) throws Exception {
        while (true) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(100_000);
                } catch (InterruptedException e) {
                    return;
                }
            });
            t.setDaemon(true);
            t.start();
        }
    }
}
