// The write-file-atomic side of tests/AtomicWrite.Benchmarks: the same saves as the .NET side, timed here so that
// process start and the pipe are not counted.
//
//   node save-driver.mjs serve                           one save per stdin line "save <async|sync> <path> <bytes>",
//                                                        answers "ok <nanoseconds>"; "quit" ends
//   node save-driver.mjs batch <async|sync> <path> <bytes> <count>   <count> saves, no output (for strace -c)
import { createInterface } from 'node:readline';
import writeFileAtomic from 'write-file-atomic';

// Must match Payload.Create in the C# benchmark: ASCII, so chars = bytes.
const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789{}';
const payloads = new Map();
function payload(bytes) {
  let text = payloads.get(bytes);
  if (text === undefined) {
    const chars = new Array(bytes);
    for (let i = 0; i < bytes; i++) {
      chars[i] = alphabet[(i * 7 + 3) % alphabet.length];
    }
    text = chars.join('');
    payloads.set(bytes, text);
  }
  return text;
}

// Default options, as users call it: fsync of the file, ownership and mode kept, no directory fsync.
async function save(mode, path, bytes) {
  const data = payload(bytes);
  const start = process.hrtime.bigint();
  if (mode === 'sync') {
    writeFileAtomic.sync(path, data);
  } else {
    await writeFileAtomic(path, data);
  }
  return process.hrtime.bigint() - start;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'batch') {
  const [mode, path, bytes, count] = args;
  for (let i = 0; i < Number(count); i++) {
    await save(mode, path, Number(bytes));
  }
} else if (command === 'serve') {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const [verb, mode, path, bytes] = line.split(' ');
    if (verb === 'quit') {
      break;
    }
    try {
      const ns = await save(mode, path, Number(bytes));
      process.stdout.write(`ok ${ns}\n`);
    } catch (error) {
      process.stdout.write(`error ${String(error).replace(/\s+/g, ' ')}\n`);
    }
  }
} else {
  console.error('usage: node save-driver.mjs serve | batch <async|sync> <path> <bytes> <count>');
  process.exit(2);
}
