#!/usr/bin/python3
"""The PyTorch side of backprop4j's MLP benchmark.

Trains, or runs forward, the four networks of MlpBenchmark (bench/src/main/java/io/github/
backprop4j/bench/MlpConfig.java) with PyTorch's eager CPU mode, and prints one JSON object per
line on standard output: the configuration, the mode, the thread count, the BLAS that PyTorch
really called, and the median rate of a few timed blocks ("steps_per_s": training steps per
second, or inference batches per second).

Install (Debian's packages; without OpenBLAS, PyTorch falls back to the reference BLAS, several
times slower on M and L, and the comparison means nothing):

    apt-get update && apt-get install -y python3-torch python3-numpy libopenblas0-pthread

Run with Debian's Python, which is where those packages are installed, from the repository root:

    /usr/bin/python3 bench/pytorch/mlp_bench.py --threads 1 > pytorch.jsonl
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/pytorch/mlp_bench.py --threads 2 --configs M,L

With two threads, PyTorch's OpenMP workers spin while they wait and take the cores that
OpenBLAS's own threads need; OMP_WAIT_POLICY=PASSIVE makes them sleep instead. It must be set
before PyTorch is loaded, so the script sets it itself when --threads is above 1 and the
variable is unset.

What is timed, as in MlpBenchmark: float64, Linear -> ReLU -> ... -> Linear (no activation after
the last layer), MSE loss, SGD with learning rate 0.01 and momentum 0.9 (or, with
--optimizer adam, torch.optim.Adam with learning rate 0.001), one fixed batch reused at every step:

    /usr/bin/python3 bench/pytorch/mlp_bench.py --threads 1 --configs T,M --modes train \
        --optimizer adam
  train: zero_grad, forward, loss, backward, optimizer step;
  infer: forward only, under torch.no_grad().
"""
import argparse
import ctypes
import fcntl
import json
import os
import statistics
import sys
import time

# name -> (layer widths from input to output, batch rows); the same as MlpConfig.java
NETWORKS = {
    "T": ((1, 32, 32, 1), 32),
    "S": ((8, 64, 64, 1), 64),
    "M": ((64, 256, 256, 1), 256),
    "L": ((784, 512, 512, 10), 256),
}
MODES = ("train", "infer")


def parse_args(argv):
    p = argparse.ArgumentParser(description="PyTorch steps/s of backprop4j's benchmark MLPs")
    p.add_argument("--threads", type=int, required=True,
                   help="torch.set_num_threads, and OpenBLAS's thread count")
    p.add_argument("--configs", default="T,S,M,L", help="comma-separated, from T,S,M,L")
    p.add_argument("--modes", default="train,infer", help="comma-separated, from train,infer")
    p.add_argument("--optimizer", default="sgd", choices=["sgd", "adam"],
                   help="train with SGD (lr 0.01, momentum 0.9) or Adam (lr 0.001, PyTorch's"
                        " defaults otherwise), as MlpBenchmark's optimizer parameter")
    p.add_argument("--blocks", type=int, default=5, help="timed blocks per measurement")
    p.add_argument("--block-seconds", type=float, default=1.0,
                   help="length aimed at for one timed block")
    p.add_argument("--warmup-seconds", type=float, default=1.0,
                   help="untimed steps before the blocks")
    p.add_argument("--round", type=int, default=None,
                   help="copied into every line, for runs that alternate with JMH")
    p.add_argument("--lock", default=None,
                   help="a lock file to hold while measuring, such as JMH's /tmp/jmh.lock, so "
                        "that no JMH run overlaps; waits for it if another process holds it")
    a = p.parse_args(argv)
    a.configs = a.configs.split(",")
    a.modes = a.modes.split(",")
    for c in a.configs:
        if c not in NETWORKS:
            p.error(f"unknown config {c!r}, expected one of {','.join(NETWORKS)}")
    for m in a.modes:
        if m not in MODES:
            p.error(f"unknown mode {m!r}, expected train or infer")
    if a.threads < 1 or a.blocks < 1:
        p.error("--threads and --blocks must be at least 1")
    return a


def blas_libraries():
    """Real paths of the shared libraries with 'blas' in their name mapped into this process."""
    found = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and fields[5].startswith("/") and "blas" in fields[5]:
                found.add(os.path.realpath(fields[5]))
    return sorted(found)


def openblas(threads=None):
    """The loaded OpenBLAS as (description, thread count), after setting its thread count if
    one is given; None if PyTorch did not load an OpenBLAS."""
    for path in blas_libraries():
        if "openblas" not in os.path.basename(path):
            continue
        lib = ctypes.CDLL(path)
        if not hasattr(lib, "openblas_get_config"):
            continue
        if threads is not None:
            lib.openblas_set_num_threads(threads)
        lib.openblas_get_config.restype = ctypes.c_char_p
        lib.openblas_get_corename.restype = ctypes.c_char_p
        words = lib.openblas_get_config().decode().split()
        name = " ".join(words[:2])  # "OpenBLAS 0.3.21"
        return f"{name} {lib.openblas_get_corename().decode()}", lib.openblas_get_num_threads()
    return None


def cpu_jiffies():
    """(jiffies the whole machine has spent busy, seconds this process has used on the CPU)."""
    with open("/proc/stat") as stat:
        counts = [int(v) for v in stat.readline().split()[1:]]
    idle = counts[3] + counts[4]  # idle, iowait
    t = os.times()
    return sum(counts) - idle, t.user + t.system


def measure(step, blocks, block_seconds, warmup_seconds):
    """Rates (calls per second) of `blocks` blocks of the same number of calls, after a warm-up
    that also tells how many calls fill `block_seconds`; and the share of the machine's CPU that
    other processes used meanwhile (0 on an idle machine, 1 if they took every core)."""
    start = time.perf_counter()
    warm = 0
    while warm < 3 or time.perf_counter() - start < warmup_seconds:
        step()
        warm += 1
    per_call = (time.perf_counter() - start) / warm
    calls = max(1, round(block_seconds / per_call))

    hz = os.sysconf("SC_CLK_TCK")
    busy0, mine0 = cpu_jiffies()
    wall0 = time.perf_counter()
    rates = []
    for _ in range(blocks):
        t0 = time.perf_counter()
        for _ in range(calls):
            step()
        rates.append(calls / (time.perf_counter() - t0))
    wall = time.perf_counter() - wall0
    busy1, mine1 = cpu_jiffies()
    others = (busy1 - busy0) / hz - (mine1 - mine0)
    other_cpu = max(0.0, others / (wall * os.cpu_count()))
    return calls, rates, other_cpu


def network(torch, widths, batch):
    """The model, its fixed input batch and its targets, from fixed seeds."""
    torch.manual_seed(0)
    layers = []
    for i in range(len(widths) - 1):
        if i > 0:
            layers.append(torch.nn.ReLU())
        layers.append(torch.nn.Linear(widths[i], widths[i + 1], dtype=torch.float64))
    data = torch.Generator().manual_seed(1)
    x = torch.randn(batch, widths[0], generator=data, dtype=torch.float64)
    t = torch.randn(batch, widths[-1], generator=data, dtype=torch.float64)
    return torch.nn.Sequential(*layers), x, t


def run(torch, name, mode, a):
    widths, batch = NETWORKS[name]
    model, x, t = network(torch, widths, batch)
    loss_fn = torch.nn.MSELoss()
    result = {}
    if mode == "train":
        if a.optimizer == "adam":
            optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
        else:
            optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)

        def step():
            optimizer.zero_grad()
            loss = loss_fn(model(x), t)
            loss.backward()
            optimizer.step()

        with torch.no_grad():
            result["loss_first"] = loss_fn(model(x), t).item()
        calls, rates, other_cpu = measure(step, a.blocks, a.block_seconds, a.warmup_seconds)
        with torch.no_grad():
            result["loss_last"] = loss_fn(model(x), t).item()
    else:
        with torch.no_grad():
            calls, rates, other_cpu = measure(lambda: model(x), a.blocks, a.block_seconds,
                                              a.warmup_seconds)
    result.update({
        "steps_per_s": statistics.median(rates),
        "steps_per_s_min": min(rates),
        "steps_per_s_max": max(rates),
        "steps_per_block": calls,
        "blocks": len(rates),
        "other_cpu": round(other_cpu, 3),
    })
    return result


def hold_lock(path):
    """Waits until no other process holds a POSIX lock on `path` (the kind JMH takes on its lock
    file), then takes it until this process ends."""
    fh = open(path, "a")
    try:
        fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print(f"mlp_bench.py: waiting for {path}, held by another benchmark", file=sys.stderr)
        fcntl.lockf(fh, fcntl.LOCK_EX)
    return fh


def main(argv):
    a = parse_args(argv)
    lock = hold_lock(a.lock) if a.lock else None  # noqa: F841, held until exit
    if a.threads > 1:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    torch.set_num_threads(a.threads)
    torch.ones(2, 2, dtype=torch.float64) @ torch.ones(2, 2, dtype=torch.float64)  # loads BLAS
    ob = openblas(a.threads)
    if ob is None:
        blas, blas_threads = ",".join(os.path.basename(p) for p in blas_libraries()) or "none", None
        print(f"mlp_bench.py: PyTorch did not load OpenBLAS but {blas}; install "
              "libopenblas0-pthread", file=sys.stderr)
    else:
        blas, blas_threads = ob
    for name in a.configs:
        for mode in a.modes:
            record = {
                "config": name, "mode": mode, "threads": a.threads, "round": a.round,
                "optimizer": a.optimizer if mode == "train" else None,
                "widths": NETWORKS[name][0], "batch": NETWORKS[name][1], "dtype": "float64",
                "blas": blas, "blas_threads": blas_threads,
                "torch": torch.__version__, "torch_threads": torch.get_num_threads(),
                "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
            }
            record.update(run(torch, name, mode, a))
            print(json.dumps(record), flush=True)
            print(f"mlp_bench.py: {name} {mode} {a.threads} thread(s): "
                  f"{record['steps_per_s']:,.1f}/s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
