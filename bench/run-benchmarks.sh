#!/bin/sh
# Runs the benchmarks of docs/performance.md and saves the raw results under bench/results/.
#
#   bench/run-benchmarks.sh [DATE [ROUNDS]]     (from the repository root)
#
# DATE prefixes the result files (default: today, UTC); ROUNDS is the number of rounds
# (default: the ROUNDS environment variable, else 3).
#
# Needs a JDK 17 and Maven, and for the PyTorch side Debian's packages:
#   apt-get update && apt-get install -y python3-torch python3-numpy libopenblas0-pthread
#
# 1. builds bench/target/benchmarks.jar;
# 2. ROUNDS rounds, each of them, one right after the other, so that each round's ratio
#    backprop4j / PyTorch is measured in the same window:
#      a. MlpBenchmark on both kernels (EJML, OpenBLAS): framework and ideal step, train and
#         infer, T/S/M/L, one thread;                        -> DATE-mlp-rN.json, .txt
#      b. bench/pytorch/mlp_bench.py, one thread;            -> DATE-pytorch-rN.jsonl
#      c. MlpBenchmark train and infer of M and L with both cores allowed (threads=auto);
#                                                            -> DATE-mlp-2threads-rN.json, .txt
#      d. the PyTorch script with two threads and OMP_WAIT_POLICY=PASSIVE (without it PyTorch's
#         OpenMP threads and OpenBLAS's threads fight over two cores);
#                                                            -> DATE-pytorch-2threads-rN.jsonl
# 3. the training step with -prof gc, for the bytes allocated per step; -> DATE-mlp-gc.json
# 4. PerformanceReport: docs/performance.png, and the Markdown tables (median ratio across the
#    rounds and its range), printed and saved in DATE-report.md.
#
# JMH runs one at a time on a machine (it locks /tmp/jmh.lock): when another JMH run holds
# the lock, the script waits for it, and the PyTorch script holds the same lock while it
# measures, so that no other JMH run overlaps it either.
#
# A JMH measurement is one fork of 3 warm-up and 5 measured one-second iterations; a PyTorch one
# is 1 s of warm-up and the median of 5 blocks of about 1 s. One round takes about 8 minutes
# on 2 cores, three rounds and the rest about 25. For a quick trial of the script itself:
#   JMH_ITERATIONS='-f 1 -wi 1 -i 1 -w 1s -r 1s' TORCH_TIMING='--blocks 1 --warmup-seconds 0.2' \
#       bench/run-benchmarks.sh 2000-01-01 1
set -eu
DATE=${1:-$(date -u +%Y-%m-%d)}
ROUNDS=${2:-${ROUNDS:-3}}
case $ROUNDS in
    '' | *[!0-9]* | 0) echo "run-benchmarks.sh: ROUNDS must be a positive integer, got '$ROUNDS'" >&2
        exit 2 ;;
esac
ITERATIONS=${JMH_ITERATIONS:-"-f 1 -wi 3 -i 5 -w 1s -r 1s"}
TIMING=${TORCH_TIMING:-}
OUT=bench/results
PYTHON=/usr/bin/python3
TORCH="bench/pytorch/mlp_bench.py"
# JMH refuses to start while another JMH run holds its lock file; wait for that run to end
# rather than fail. The PyTorch script holds the same lock while it measures.
LOCK=/tmp/jmh.lock  # java.io.tmpdir/jmh.lock
jmh() {
    output=$1
    shift
    while :; do
        if java -jar bench/target/benchmarks.jar "$@" > "$output" 2> "$output.stderr"; then
            cat "$output.stderr" >&2
            rm -f "$output.stderr"
            return 0
        fi
        if ! grep -q 'Unable to acquire the JMH lock' "$output.stderr"; then
            cat "$output.stderr" >&2
            rm -f "$output.stderr"
            return 1
        fi
        echo "run-benchmarks.sh: another JMH run holds $LOCK; waiting" >&2
        sleep 20
    done
}

if ! "$PYTHON" -c 'import torch' 2> /dev/null; then
    echo "run-benchmarks.sh: $PYTHON cannot import torch; install it with" >&2
    echo "  apt-get update && apt-get install -y python3-torch python3-numpy libopenblas0-pthread" >&2
    exit 1
fi
mvn -B -q -pl bench -am package -DskipTests
mkdir -p "$OUT"
# Rounds of an earlier run of the same date would be read as rounds of this one.
rm -f "$OUT/$DATE"-*-r[0-9]*.json "$OUT/$DATE"-*-r[0-9]*.jsonl "$OUT/$DATE"-*-r[0-9]*.txt

r=1
while [ "$r" -le "$ROUNDS" ]; do
    echo "run-benchmarks.sh: round $r of $ROUNDS, $(date -u +%H:%M:%S)" >&2
    # shellcheck disable=SC2086 # ITERATIONS and TIMING are lists of options
    jmh "$OUT/$DATE-mlp-r$r.txt" MlpBenchmark $ITERATIONS -rf json -rff "$OUT/$DATE-mlp-r$r.json"
    # shellcheck disable=SC2086
    "$PYTHON" "$TORCH" --threads 1 --round "$r" --lock "$LOCK" $TIMING \
        > "$OUT/$DATE-pytorch-r$r.jsonl"
    # shellcheck disable=SC2086
    jmh "$OUT/$DATE-mlp-2threads-r$r.txt" 'MlpBenchmark.(train|infer)$' -p config=M,L \
        -p threads=auto $ITERATIONS -rf json -rff "$OUT/$DATE-mlp-2threads-r$r.json"
    # shellcheck disable=SC2086
    OMP_WAIT_POLICY=PASSIVE "$PYTHON" "$TORCH" --threads 2 --configs M,L --round "$r" \
        --lock "$LOCK" $TIMING > "$OUT/$DATE-pytorch-2threads-r$r.jsonl"
    r=$((r + 1))
done

echo "run-benchmarks.sh: allocation run, $(date -u +%H:%M:%S)" >&2
jmh "$OUT/$DATE-mlp-gc.txt" 'MlpBenchmark.train$' -bm avgt -tu us -f 1 -wi 3 -i 3 -w 1s -r 1s \
    -prof gc -rf json -rff "$OUT/$DATE-mlp-gc.json"
java -cp bench/target/benchmarks.jar io.github.backprop4j.bench.PerformanceReport \
    "$OUT" "$DATE" docs/performance.png | tee "$OUT/$DATE-report.md"
