// The Node side of the parser comparison: mailparser's simpleParser over the same files, the same passes.
// Usage: node mailparser-peer.mjs <list-file> <loops> <warm-up>; prints "messages seconds messages-per-second".
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';

const [listFile, loopsArg, warmUpArg] = process.argv.slice(2);
const files = readFileSync(listFile, 'utf8').split('\n').filter((line) => line.trim() !== '');
const mails = files.map((file) => readFileSync(file));
const loops = Number(loopsArg);
const warmUp = Number(warmUpArg);

let sink = 0;
async function pass() {
  for (const mail of mails) {
    const parsed = await simpleParser(mail);
    sink += parsed.attachments.length + (parsed.text ? 1 : 0);
  }
}

for (let i = 0; i < warmUp; i++) await pass();
const start = process.hrtime.bigint();
for (let i = 0; i < loops; i++) await pass();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const messages = loops * mails.length;
console.log(`${messages} ${seconds.toFixed(3)} ${(messages / seconds).toFixed(1)}`);
if (sink < 0) console.log(sink);
