int a = 1; int b = a +
        1; System.out.println(a + b);
int c = a / 0;
