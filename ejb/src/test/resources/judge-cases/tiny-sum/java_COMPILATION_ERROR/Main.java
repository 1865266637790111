public class Main {
    public static void main(String[] args) throws Exception {
        int x = "not a number";
    }
}
