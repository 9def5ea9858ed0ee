// The peer side of the robots-match benchmark: npm's robots-parser over the same files and URLs.
// Usage: node robots-parser-peer.js INPUT.json MODULE_DIR; prints "checks_per_second verdicts".
const fs = require('fs');
const path = require('path');
const [input, moduleDir] = process.argv.slice(2);
const robotsParser = require(path.join(moduleDir, 'node_modules', 'robots-parser'));
const { files, urls, rounds, agent } = JSON.parse(fs.readFileSync(input, 'utf8'));
let verdicts = '';
let checks = 0;
const started = process.hrtime.bigint();
for (let round = 0; round < rounds; round++) {
  for (const content of files) {
    const robots = robotsParser('https://www.example.com/robots.txt', content);
    for (const url of urls) {
      const allowed = robots.isAllowed(url, agent) !== false;
      if (round === 0) verdicts += allowed ? '1' : '0';
      checks++;
    }
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`${checks / seconds} ${verdicts}`);
