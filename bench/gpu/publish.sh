#!/usr/bin/env bash
# Here (no GPU): packs what `bench/run gpu` needs on the GPU machine, which has no .NET and reaches no
# registry: the benchmark built against the official Microsoft.ML.OnnxRuntime.Gpu package, the .NET
# runtime it runs on, and the photos. Leaves .gpu/part-0 .. part-3 (git-ignored), each under the 64 MiB a
# device call carries with the working tree: part-0 to part-2 hold the CUDA provider, part-3 the rest, so a
# change to the project's code changes part-3 alone.
#   bench/gpu/publish.sh        (about 10 minutes on 2 cores: most of it is xz)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
stage=$root/.gpu/stage
rm -rf "$root/.gpu" && mkdir -p "$stage"
dotnet publish "$root/bench/Crawler.Bench/Crawler.Bench.csproj" -c Release -r linux-x64 --self-contained false \
  -p:OnnxRuntimeFlavour=Gpu -o "$stage/app" -v quiet -nologo
cd "$stage"
# The GPU package carries Windows builds and TensorRT too; DuckDB serves only the export benchmark.
rm -f app/*.pdb app/onnxruntime*.dll app/libonnxruntime_providers_tensorrt.so app/libduckdb.so
# The CUDA provider (289 MB) is already compressed inside (its kernels); packed on its own so it can be reused.
mv app/libonnxruntime_providers_cuda.so .
xz -9 -T0 -c libonnxruntime_providers_cuda.so >cuda.so.xz && rm libonnxruntime_providers_cuda.so
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
mkdir -p dotnet/shared
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" dotnet/
cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" dotnet/shared/
cp -r "$root/../shared/fixtures/images/opencv-samples" photos
tar -cf - app dotnet photos | xz -9 -T0 >rest.tar.xz
for i in 0 1 2; do mkdir -p "$root/.gpu/part-$i"; done
split -n 3 -d -a 1 cuda.so.xz cuda.so.xz.
for i in 0 1 2; do mv "cuda.so.xz.$i" "$root/.gpu/part-$i/"; done
mkdir -p "$root/.gpu/part-3" && mv rest.tar.xz "$root/.gpu/part-3/"
rm -rf "$stage"
du -sh "$root"/.gpu/part-*
