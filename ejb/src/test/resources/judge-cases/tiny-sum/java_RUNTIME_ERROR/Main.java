public class Main {
    public static void main(String[] args) throws Exception {
        int[] values = new int[1];
        System.out.println(values[2]);
    }
}
