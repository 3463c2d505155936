/**
 * `npm run migration:create -- <subgraph> <name>`: writes an empty, timestamped migration for one subgraph.
 * Fill in `up`/`down` with SQL, then add it to the `migrations` list in services/<subgraph>/src/<subgraph>.subgraph.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [subgraph, rawName] = process.argv.slice(2);
const folder = subgraph && join(__dirname, '..', '..', 'services', subgraph, 'src', 'migrations');
if (!subgraph || !rawName || !existsSync(folder)) {
  console.error('usage: npm run migration:create -- <solvers|challenges|submissions|payouts> <snake_case_name>');
  process.exit(1);
}
const name = rawName.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const className = `Migration${stamp}_${name}`;
const path = join(folder, `${className}.ts`);
writeFileSync(
  path,
  `import { Migration } from '@mikro-orm/migrations';

export class ${className} extends Migration {
  override async up(): Promise<void> {
    // this.addSql('alter table "..." add column "..." ...');
  }

  override async down(): Promise<void> {
    // this.addSql('alter table "..." drop column "..."');
  }
}
`,
);
console.log(`Created ${path}\nAdd { name: '${className}', class: ${className} } to the migrations list of services/${subgraph}/src/${subgraph}.subgraph.ts`);
