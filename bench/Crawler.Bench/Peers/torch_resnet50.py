"""The peer of `bench/run gpu`: torchvision's ResNet-50 (random weights, seed 0) on the GPU.

  torch_resnet50.py export DIR   writes DIR/resnet50-fp32.onnx and DIR/resnet50-fp16.onnx (the same weights)
  torch_resnet50.py serve        reads lines "fp32|fp16 BATCH SECONDS" on stdin and answers each with
                                 "images_per_s=N": inference from a pinned host tensor copied to the GPU
                                 every batch, outputs copied back, as the C# side does. One process serves
                                 every round, so rounds of ours and torch's can alternate cheaply.

Settings are what a user tuning torch for throughput would pick: channels_last, cuDNN's autotuner on,
TF32 allowed for fp32 convolutions and matrix products (the cuDNN default for convolutions).
"""
import sys
import time

import torch
import torchvision

torch.backends.cudnn.benchmark = True
torch.backends.cudnn.allow_tf32 = True
torch.backends.cuda.matmul.allow_tf32 = True


def model():
    torch.manual_seed(0)
    return torchvision.models.resnet50(weights=None).eval()


def export(folder):
    options = dict(input_names=["x"], output_names=["y"], dynamic_axes={"x": {0: "b"}, "y": {0: "b"}}, opset_version=17, dynamo=False)
    net = model()
    torch.onnx.export(net, torch.randn(1, 3, 224, 224), f"{folder}/resnet50-fp32.onnx", **options)
    half = net.cuda().half()
    torch.onnx.export(half, torch.randn(1, 3, 224, 224, device="cuda", dtype=torch.float16), f"{folder}/resnet50-fp16.onnx", **options)


class Runner:
    def __init__(self, precision, batch):
        dtype = torch.float16 if precision == "fp16" else torch.float32
        self.net = model().cuda().to(dtype).to(memory_format=torch.channels_last)
        self.host = torch.randn(batch, 3, 224, 224, dtype=dtype).pin_memory()
        self.batch = batch
        for _ in range(5):
            self.step()
        torch.cuda.synchronize()

    def step(self):
        with torch.inference_mode():
            self.net(self.host.to("cuda", non_blocking=True).contiguous(memory_format=torch.channels_last)).cpu()

    def measure(self, seconds):
        start, done = time.perf_counter(), 0
        while time.perf_counter() - start < seconds:
            self.step()
            done += self.batch
        return done / (time.perf_counter() - start)


def serve():
    runners = {}
    for line in sys.stdin:
        precision, batch, seconds = line.split()
        key = (precision, int(batch))
        if key not in runners:
            runners[key] = Runner(precision, int(batch))
        print(f"images_per_s={runners[key].measure(float(seconds)):.1f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(sys.argv[2])
    else:
        serve()
