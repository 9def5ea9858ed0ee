// The peer of `bench/run embed`: sharp-phash (libvips decode + 32x32 grey + DCT) on one thread.
// Usage: node sharp-phash.js FOLDER SECONDS. Prints "images_per_s=N" after a warm-up pass.
"use strict";
const fs = require("fs");
const path = require("path");
const sharp = require("sharp");
const phash = require("sharp-phash");

sharp.concurrency(1);
// The libvips operation cache is off on both sides: a crawl never decodes the same image twice.
sharp.cache(false);

async function pass(images) {
  for (const image of images) {
    await phash(image);
  }
}

async function main() {
  const [folder, seconds] = process.argv.slice(2);
  const images = fs.readdirSync(folder).sort().map((f) => fs.readFileSync(path.join(folder, f)));
  await pass(images);
  const start = process.hrtime.bigint();
  let done = 0;
  while (Number(process.hrtime.bigint() - start) / 1e9 < Number(seconds)) {
    await pass(images);
    done += images.length;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`images_per_s=${(done / elapsed).toFixed(1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
