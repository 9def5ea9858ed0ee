#!/usr/bin/env bash
# On the GPU machine, in the device call that carries the last part (the others were copied to /tmp/gpu):
#   bash bench/gpu/on-device.sh [extra `bench/run gpu` arguments]
# Unpacks what bench/gpu/publish.sh packed, finds CUDA 13 and cuDNN 9, runs `crawler gpu-check` and then
# `bench/run gpu`; everything it prints is also written under $OUT.
set -uo pipefail
out=${OUT:-/tmp/gpu/out} && mkdir -p "$out"
exec > >(tee "$out/gpu-run.txt") 2>&1
cd /tmp/gpu || exit 1
if [ -f rest.tar.xz ]; then
  rm -rf app dotnet photos && xz -dc rest.tar.xz | tar -xf - && rm rest.tar.xz
fi
if [ -f cuda.so.xz.0 ]; then
  cat cuda.so.xz.? | xz -dc >libonnxruntime_providers_cuda.so && rm cuda.so.xz.?
fi
cp -f libonnxruntime_providers_cuda.so app/
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
lscpu | grep -E '^(Model name|CPU\(s\)):'
export DOTNET_ROOT=/tmp/gpu/dotnet PATH=/tmp/gpu/dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1
system=$(ls -d /usr/local/cuda-13*/targets/x86_64-linux/lib 2>/dev/null | head -1)
# The CUDA 13 and cuDNN 9 wheels beside torch, for what the system lacks (or has in an older minor version).
wheels=$(python3 -c 'import nvidia, glob; print(":".join(sorted(d for p in nvidia.__path__ for d in glob.glob(p + "/*/lib"))))' 2>/dev/null)
for libraries in "$system:$wheels" "$wheels:$system"; do
  export LD_LIBRARY_PATH=$libraries
  echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
  ldd app/libonnxruntime_providers_cuda.so | grep -E 'not found|libcu' || true
  dotnet app/crawler.dll gpu-check && break
  echo "gpu-check failed with these libraries"
done
dotnet app/crawler-bench.dll gpu --photos photos --models /tmp/gpu/models "$@"
echo "bench exit code $?"
