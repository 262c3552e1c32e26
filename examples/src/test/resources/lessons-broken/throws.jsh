// A script whose second snippet throws.
int[] pair = new int[2];
pair[2] = 1;
System.out.println("never printed");
