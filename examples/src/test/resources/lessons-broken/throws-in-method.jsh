// A method that throws on its third line, called two snippets later.
int lastOf(int[] values) {
    int n = values.length;
    return values[n];
}
int[] pair = {1, 2};
int last = lastOf(pair);
