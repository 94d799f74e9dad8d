// A codegen hook: graphql-codegen re-exports an enum mapped to a domain type (codegen.yml's
// `enumValues`) as `export { Role };`, which `verbatimModuleSyntax` refuses for a type-only
// import. Rewrites those lines of each written file to `export type { Role };`.
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/^export \{ (\w+) \};$/gm, 'export type { $1 };');
  if (fixed !== text) writeFileSync(file, fixed);
}
