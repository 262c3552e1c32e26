// A script whose third snippet does not compile: the checker must say so.
int three = 3;
System.out.println("three is " + three);

int count = "three";
System.out.println("never printed");
