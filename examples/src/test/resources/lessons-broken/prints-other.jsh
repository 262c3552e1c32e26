// You should see: the answer is 42
System.out.println("the answer is " + (6 * 9));
