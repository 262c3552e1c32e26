// A class with a field of a type nobody declares: jshell creates it, the checker fails.
class Scaler {
    Weights weights;
}
