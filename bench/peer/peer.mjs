// The peer's side of bench/background-removal.sh, and the producer of the reference masks.
//
//   node peer.mjs masks MODEL OUT_DIR IMAGE...      writes OUT_DIR/<name>.png: the peer's 8-bit mask
//   node peer.mjs time MODEL RUNS IMAGE...          prints "<image> <median ms>" of whole removeBackground calls
//
// MODEL is small or medium. The models are read from the installed package's dist/ folder through a
// file:// URL, so nothing is fetched from the network.
import { createRequire } from 'node:module';
import { dirname, join, basename, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const main = require.resolve('@imgly/background-removal-node');
const { removeBackground } = await import(pathToFileURL(main).href);
const publicPath = pathToFileURL(dirname(main) + '/').href;

const [, , mode, model, arg, ...images] = process.argv;
const config = (format) => ({ publicPath, model, output: { format } });
// The peer decodes a Blob by its MIME type; give it the file's.
const blob = (file) => new Blob([readFileSync(file)], {
  type: { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' }[extname(file).toLowerCase()],
});

if (mode === 'masks') {
  mkdirSync(arg, { recursive: true });
  for (const file of images) {
    const { width, height } = await sharp(file).metadata();
    // The cutout's alpha is the peer's mask (its own x-alpha8 mask output throws in 1.4.5).
    const rgba = Buffer.from(await (await removeBackground(blob(file), config('image/x-rgba8'))).arrayBuffer());
    const alpha = Buffer.alloc(width * height);
    for (let p = 0; p < alpha.length; p++) alpha[p] = rgba[p * 4 + 3];
    const out = join(arg, basename(file, extname(file)) + '.png');
    await sharp(alpha, { raw: { width, height, channels: 1 } }).png({ compressionLevel: 9 }).toFile(out);
    console.log(`${out} ${width}x${height}`);
  }
} else if (mode === 'time') {
  const runs = Number(arg);
  for (const file of images) {
    await removeBackground(blob(file), config('image/png')); // warm-up: session creation
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const result = await removeBackground(blob(file), config('image/png'));
      await result.arrayBuffer();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(`${file} ${times[Math.floor(runs / 2)].toFixed(0)}`);
  }
} else {
  console.error('usage: node peer.mjs masks|time MODEL OUT_DIR|RUNS IMAGE...');
  process.exit(2);
}
