// Fails when a generated file is stale: runs codegen into the tree, then asks git whether
// anything under the generated folders changed or appeared.
import { execFileSync } from 'node:child_process';

const generated = ['src/graphql/generated', 'src/client/generated'];
execFileSync('npx', ['graphql-codegen', '--config', 'codegen.yml', '--silent'], { stdio: 'inherit' });
const changes = execFileSync('git', ['status', '--porcelain', '--', ...generated], { encoding: 'utf8' }).trim();
if (changes) {
  console.error(`Generated code is stale; run \`npm run codegen\` and commit the result:\n${changes}`);
  process.exit(1);
}
console.log('Generated code is fresh.');
