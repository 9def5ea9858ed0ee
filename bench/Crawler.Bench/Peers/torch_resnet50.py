"""The peer of `bench/run gpu`: torchvision's ResNet-50 (random weights, seed 0) on the GPU.

  torch_resnet50.py export DIR          writes DIR/resnet50-fp32.onnx and DIR/resnet50-fp16.onnx (the same weights)
  torch_resnet50.py bench fp32|fp16 BATCH SECONDS
                                        prints images_per_s=N: inference from a pinned host tensor copied to the
                                        GPU every batch, outputs copied back, as the C# side does
"""
import sys
import time

import torch
import torchvision


def model():
    torch.manual_seed(0)
    return torchvision.models.resnet50(weights=None).eval()


def export(folder):
    options = dict(input_names=["x"], output_names=["y"], dynamic_axes={"x": {0: "b"}, "y": {0: "b"}}, opset_version=17, dynamo=False)
    net = model()
    torch.onnx.export(net, torch.randn(1, 3, 224, 224), f"{folder}/resnet50-fp32.onnx", **options)
    half = net.cuda().half()
    torch.onnx.export(half, torch.randn(1, 3, 224, 224, device="cuda", dtype=torch.float16), f"{folder}/resnet50-fp16.onnx", **options)


def bench(precision, batch, seconds):
    dtype = torch.float16 if precision == "fp16" else torch.float32
    net = model().cuda().to(dtype).to(memory_format=torch.channels_last)
    host = torch.randn(batch, 3, 224, 224, dtype=dtype).pin_memory()
    with torch.inference_mode():
        for _ in range(3):
            net(host.to("cuda", non_blocking=True).contiguous(memory_format=torch.channels_last)).cpu()
        torch.cuda.synchronize()
        start, done = time.perf_counter(), 0
        while time.perf_counter() - start < seconds:
            net(host.to("cuda", non_blocking=True).contiguous(memory_format=torch.channels_last)).cpu()
            done += batch
        elapsed = time.perf_counter() - start
    print(f"images_per_s={done / elapsed:.1f}")


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(sys.argv[2])
    else:
        bench(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
