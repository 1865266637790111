public class Main {
    public static void main(String[] args) throws Exception {
        java.util.Scanner in = new java.util.Scanner(System.in);
        System.out.println(in.nextLong() + in.nextLong());
    }
}
