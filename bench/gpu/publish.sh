#!/usr/bin/env bash
# Here (no GPU): builds what `bench/run gpu` needs on the GPU machine, which has no .NET and no registries.
#   bench/gpu/publish.sh
# Leaves .gpu/carry/part-N/ (ONNX Runtime 1.29 with its CUDA provider and the .NET runtime, from
# ../shared/tools/ort-gpu) and .gpu/carry/bench/ (this benchmark built against that ONNX Runtime, and the
# photos), each at most 50 MB: carry one folder per device call, then run bench/gpu/on-device.sh in the last.
# UNTESTED on a GPU: the session that wrote it had no GPU machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/.gpu
tools=$root/../shared/tools/ort-gpu
# Prepared outside the checkout: inside it, this repository's central package versions would apply to prepare.sh's build.
prep=${ORT_GPU_DIR:-/tmp/crawler-ort-gpu}
[ -f "$prep/ort/Microsoft.ML.OnnxRuntime.dll" ] || "$tools/prepare.sh" "$prep"
rm -rf "$out/bench" "$out/carry" && mkdir -p "$out/carry"
# The managed API of the GPU set replaces the NuGet package (see src/Dedup/Crawler.Dedup.csproj); its natives come from the parts.
dotnet publish "$root/bench/Crawler.Bench/Crawler.Bench.csproj" -c Release -r linux-x64 --self-contained false \
  -p:OnnxRuntimeManagedPath="$prep/ort/Microsoft.ML.OnnxRuntime.dll" -o "$out/bench/app" -v quiet -nologo
cp -r "$root/../shared/fixtures/images/opencv-samples" "$out/bench/photos"
mkdir -p "$out/carry/bench" && tar -C "$out/bench" -cJf "$out/carry/bench/bench.tar.xz" app photos
for part in "$prep"/parts/part-*; do
  mkdir -p "$out/carry/$(basename "$part")" && cp "$part" "$out/carry/$(basename "$part")/"
done
cp "$prep/parts/assemble.sh" "$out/carry/bench/"
du -sh "$out"/carry/*
