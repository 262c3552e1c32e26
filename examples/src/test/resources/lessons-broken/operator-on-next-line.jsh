// jshell reads a file line by line: a line that completes a statement ends it, so the line
// after it is a snippet of its own.
double total = 1.0
        + 2.0;
System.out.println(total);
double half = total
        / 2.0;
