import { checkTree } from './boundaries.mjs';

const problems = checkTree(process.cwd());
if (problems.length) {
  console.error(`Import boundaries broken (DESIGN.md, "Processes and folders"):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Import boundaries: ok');
