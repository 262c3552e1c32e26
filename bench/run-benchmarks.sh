#!/bin/sh
# Runs the benchmarks of docs/performance.md and saves the raw results under bench/results/.
#
#   bench/run-benchmarks.sh [DATE]        (from the repository root; DATE defaults to today)
#
# 1. builds bench/target/benchmarks.jar;
# 2. MlpBenchmark on both kernels (EJML, OpenBLAS): framework and ideal step, train and infer,
#    T/S/M/L, one thread, two forks of 5 one-second iterations each; then the PyTorch script
#    right after it, in the same window, so that their ratios compare;
# 3. M and L again with both cores allowed (threads=auto), then PyTorch with two threads
#    (OMP_WAIT_POLICY=PASSIVE, as ../shared/bench/README.md advises);
# 4. the training step with -prof gc, for the bytes allocated per step;
# 5. docs/performance.png and the Markdown tables (printed) from those files.
# The PyTorch script waits for an idle machine before each measurement; the JMH runs are
# preceded by the same wait, using the script's own helper. The PyTorch script appends to its
# output file, so that file is removed first.
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
rm -f "$OUT/$DATE-pytorch.jsonl" "$OUT/$DATE-pytorch-2threads.jsonl"
wait_idle
$JMH MlpBenchmark -f 2 -wi 3 -i 5 -w 1s -r 1s -rf json -rff "$OUT/$DATE-mlp.json" \
    > "$OUT/$DATE-mlp.txt"
/usr/bin/python3 "$SHARED/mlp_bench.py" --threads 1 --dtypes float64 --modes train,infer \
    --out "$OUT/$DATE-pytorch.jsonl" > /dev/null
wait_idle
$JMH 'MlpBenchmark.(train|infer)$' -p config=M,L -p threads=auto -f 1 -wi 3 -i 5 -w 1s -r 1s \
    -rf json -rff "$OUT/$DATE-mlp-2threads.json" > "$OUT/$DATE-mlp-2threads.txt"
OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$SHARED/mlp_bench.py" --threads 2 --configs M,L \
    --dtypes float64 --modes train,infer --out "$OUT/$DATE-pytorch-2threads.jsonl" > /dev/null
wait_idle
$JMH 'MlpBenchmark.train$' -bm avgt -tu us -f 1 -wi 3 -i 3 -w 1s -r 1s -prof gc \
    -rf json -rff "$OUT/$DATE-mlp-gc.json" > "$OUT/$DATE-mlp-gc.txt"
java -cp bench/target/benchmarks.jar io.github.backprop4j.bench.PerformanceReport \
    "$OUT" "$DATE" docs/performance.png
