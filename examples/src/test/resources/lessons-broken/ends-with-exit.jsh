System.out.println("one");
/exit
