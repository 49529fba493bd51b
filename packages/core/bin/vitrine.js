#!/usr/bin/env node
// `vitrine link URL --creator ID [--clip ID]`: prints a creator's affiliate link for a shop URL.
import { parseArgs } from 'node:util';
import { affiliateLink } from '../dist/index.js';

const USAGE = `Usage: vitrine link <url> --creator <id> [--clip <id>]

Prints <url> with the creator (vt_c), the clip (vt_k) and a fresh click id (vt_id).
Ids are 1 to 64 letters, digits, "-" or "_".

Example:
  npx vitrine link https://shop.example/p/42 --creator ana --clip summer
`;

function main(args) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { creator: { type: 'string' }, clip: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [command, url, ...extra] = positionals;
  if (command !== 'link') return usageError(command === undefined ? 'a command is needed' : `unknown command "${command}"`);
  if (url === undefined) return usageError('the URL is missing');
  if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}"`);
  if (values.creator === undefined) return usageError('--creator is required');
  try {
    process.stdout.write(`${affiliateLink(url, { creator: values.creator, clip: values.clip })}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`vitrine: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function usageError(message) {
  process.stderr.write(`vitrine: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
