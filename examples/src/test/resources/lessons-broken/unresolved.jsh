// A method that refers to a variable nobody declares: jshell only warns, the checker fails.
double twice(double x) {
    return factor * x;
}
