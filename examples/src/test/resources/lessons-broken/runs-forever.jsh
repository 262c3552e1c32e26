System.out.println("started");
while (true) {
    Thread.onSpinWait();
}
