#!/usr/bin/env python3
"""Exports a learned image-embedding model to ONNX for crawler's `Embedding:Model` setting.

Needs torch and the weights on disk (nothing is downloaded). Prints the `Embedding` section to put in
config/appsettings.json. Written without the weights at hand: untested against real checkpoints.

  export-embedding-model.py sscd   --weights sscd_disc_mixup.torchscript.pt --out sscd.onnx
  export-embedding-model.py dinov2 --weights dinov2_vits14_pretrain.pth --repo PATH/TO/dinov2 --arch dinov2_vits14 --out dinov2.onnx
  export-embedding-model.py clip   --weights open_clip_model.bin --arch ViT-B-32 --out clip-b32.onnx

Options: --size N (square input side; default per model), --fp16 (export in half precision, needs CUDA).
"""
import argparse
import json

import torch

IMAGENET = ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
CLIP = ([0.48145466, 0.4578275, 0.40821073], [0.26862954, 0.26130258, 0.27577711])


def sscd(args):
    # The SSCD release ships TorchScript files that map a normalised image to a 512-d descriptor.
    return torch.jit.load(args.weights, map_location="cpu"), 288, IMAGENET


def dinov2(args):
    # From a local clone of facebookresearch/dinov2: the backbone's forward returns the CLS embedding.
    model = torch.hub.load(args.repo, args.arch or "dinov2_vits14", source="local", pretrained=False)
    model.load_state_dict(torch.load(args.weights, map_location="cpu"))
    return model, 224, IMAGENET


def clip(args):
    import open_clip

    model = open_clip.create_model(args.arch or "ViT-B-32", pretrained=args.weights)
    return model.visual, 224, CLIP


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["sscd", "dinov2", "clip"])
    parser.add_argument("--weights", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--repo", help="dinov2: a local clone of the dinov2 repository")
    parser.add_argument("--arch", help="dinov2: hub entry (dinov2_vits14...); clip: open_clip architecture (ViT-B-32...)")
    parser.add_argument("--size", type=int)
    parser.add_argument("--fp16", action="store_true")
    args = parser.parse_args()

    model, size, (mean, std) = {"sscd": sscd, "dinov2": dinov2, "clip": clip}[args.kind](args)
    size = args.size or size
    model = model.eval()
    device, dtype = ("cuda", torch.float16) if args.fp16 else ("cpu", torch.float32)
    model = model.to(device=device, dtype=dtype)
    dummy = torch.randn(1, 3, size, size, device=device, dtype=dtype)
    with torch.no_grad():
        torch.onnx.export(model, dummy, args.out, input_names=["image"], output_names=["embedding"],
                          dynamic_axes={"image": {0: "batch"}, "embedding": {0: "batch"}}, opset_version=17, dynamo=False)
    section = {
        "Embedding": {
            "Model": args.out,
            "ModelId": f"{args.kind}-{args.arch or 'default'}-{size}{'-fp16' if args.fp16 else ''}",
            "InputSize": size,
            "Mean": mean,
            "Std": std,
            "InputName": "image",
            "OutputName": "embedding",
        }
    }
    print(json.dumps(section, indent=2))
    print("The built-in model's thresholds do not carry over: measure Dedup:NearDuplicateSimilarity for this model with")
    print(f"  bench/run dedup-quality --onnx {args.out} --size {size} --mean {','.join(map(str, mean))} --std {','.join(map(str, std))} --threshold 0.8,0.85,0.9")


if __name__ == "__main__":
    main()
