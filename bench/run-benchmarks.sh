#!/bin/sh
# Runs the benchmarks of docs/performance.md and saves the raw results under bench/results/.
#
#   bench/run-benchmarks.sh [DATE]        (from the repository root; DATE defaults to today)
#
# 1. builds bench/target/benchmarks.jar;
# 2. MlpBenchmark (framework and ideal step, train and infer, T/S/M/L, one thread, two forks
#    of 5 one-second iterations each), then the PyTorch script right after it, in the same
#    window, so that their ratios compare (the script appends to its output file);
# 3. MlpBenchmark again with -prof gc for the bytes allocated per step;
# 4. docs/performance.png and the Markdown table (printed) from those three files.
# The PyTorch script waits for an idle machine before each measurement; the JMH runs are
# preceded by the same wait, using the script's own helper.
set -eu
DATE=${1:-$(date -u +%Y-%m-%d)}
SHARED=${SHARED_BENCH:-../shared/bench}
OUT=bench/results
JMH="java -jar bench/target/benchmarks.jar"
wait_idle() {
    /usr/bin/python3 -c "import sys; sys.path.insert(0, '$SHARED'); import common; common.wait_idle()"
}

mvn -B -q -pl bench -am package -DskipTests
mkdir -p "$OUT"
wait_idle
$JMH MlpBenchmark -f 2 -wi 3 -i 5 -w 1s -r 1s -rf json -rff "$OUT/$DATE-mlp.json" \
    > "$OUT/$DATE-mlp.txt"
/usr/bin/python3 "$SHARED/mlp_bench.py" --threads 1 --dtypes float64 --modes train,infer \
    --out "$OUT/$DATE-pytorch.jsonl" > /dev/null
wait_idle
$JMH MlpBenchmark -bm avgt -tu us -f 1 -wi 3 -i 3 -w 1s -r 1s -prof gc \
    -rf json -rff "$OUT/$DATE-mlp-gc.json" > "$OUT/$DATE-mlp-gc.txt"
java -cp bench/target/benchmarks.jar io.github.backprop4j.bench.PerformanceReport \
    "$OUT/$DATE-mlp.json" "$OUT/$DATE-pytorch.jsonl" "$OUT/$DATE-mlp-gc.json" \
    docs/performance.png
