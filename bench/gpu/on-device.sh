#!/usr/bin/env bash
# On the GPU machine, in the last device call (after each .gpu/carry/part-N was copied to /tmp/gpu):
#   bash bench/gpu/on-device.sh [extra `bench/run gpu` arguments]
# Assembles ONNX Runtime 1.29 + CUDA provider + .NET, unpacks the benchmark, checks CUDA, and runs
# `gpu` (ResNet-50 exported there by torch, fp32 and fp16, batch 256, beside torch; then decode+embed).
# UNTESTED on a GPU: the session that wrote it had no GPU machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p /tmp/gpu/bench
[ -x /tmp/gpu/dotnet ] || bash "$root/.gpu/carry/bench/assemble.sh"
tar -C /tmp/gpu/bench -xJf "$root/.gpu/carry/bench/bench.tar.xz"
export DOTNET_ROOT=/tmp/gpu PATH=/tmp/gpu:$PATH
export LD_LIBRARY_PATH=/tmp/gpu/ort:/usr/local/cuda-13.0/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
out=${OUT:-/tmp/gpu/out} && mkdir -p "$out"
/tmp/gpu/dotnet /tmp/gpu/bench/app/crawler-bench.dll gpu --cuda-library /tmp/gpu/ort/libonnxruntime_providers_cuda.so \
  --photos /tmp/gpu/bench/photos --models /tmp/gpu/models --batch 256 --seconds 20 "$@" | tee "$out/gpu-bench.txt"
