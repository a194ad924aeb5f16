// Writes schemas/mlsd-pack.schema.json from the zod schema: `npx tsx scripts/pack-schema.ts`.
// With --check it writes nothing and exits 1 when the committed file is out of date (a unit test checks the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { packJsonSchemaText } from '../src/domain/pack/jsonSchema.ts';

const PACK_SCHEMA_FILE = 'schemas/mlsd-pack.schema.json';

const text = packJsonSchemaText();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(PACK_SCHEMA_FILE, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (committed !== text) {
    console.error(`${PACK_SCHEMA_FILE} is out of date; run: npx tsx scripts/pack-schema.ts`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(PACK_SCHEMA_FILE, text);
  console.log(`wrote ${PACK_SCHEMA_FILE} (${text.length} characters)`);
}
