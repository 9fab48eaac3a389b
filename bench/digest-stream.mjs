/**
 * Reads digest.json line by line, as src/io/json-file.ts writes it (one top-level key per line, one
 * array element per line), so a 1M-record digest never becomes one giant string.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const KEY_LINE = /^ {2}"([^"]+)": (.*)$/;

/**
 * Calls onElement(key, value) for each element of a top-level array and onValue(key, value) for each
 * other top-level value. Throws if a line does not have the expected shape (the writer changed).
 */
export async function scanDigest(path, { onElement = () => undefined, onValue = () => undefined } = {}) {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let arrayKey = null;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (arrayKey !== null) {
      if (line === '  ]' || line === '  ],') {
        arrayKey = null;
        continue;
      }
      if (!line.startsWith('    ')) throw new Error(`${path}:${lineNumber}: expected an array element of "${arrayKey}"`);
      const json = line.endsWith(',') ? line.slice(4, -1) : line.slice(4);
      onElement(arrayKey, JSON.parse(json));
      continue;
    }
    if (line === '{' || line === '}') continue;
    const match = KEY_LINE.exec(line);
    if (match === null) throw new Error(`${path}:${lineNumber}: unexpected line shape`);
    const [, key, rest] = match;
    if (rest === '[') {
      arrayKey = key;
      continue;
    }
    onValue(key, JSON.parse(rest.endsWith(',') ? rest.slice(0, -1) : rest));
  }
}

/** The whole digest as an object (fine up to a few hundred thousand records). */
export async function readDigestJson(path) {
  const digest = {};
  await scanDigest(path, {
    onValue: (key, value) => {
      digest[key] = value;
    },
    onElement: (key, value) => {
      (digest[key] ??= []).push(value);
    },
  });
  return digest;
}
