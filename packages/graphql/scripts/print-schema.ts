import { writeFileSync } from 'node:fs';
import { printSchemaSDL } from '../src/schema.js';

// Regenerates the committed SDL; test/schema.test.ts fails until this has been run after a change.
const target = new URL('../schema.graphql', import.meta.url);
writeFileSync(target, printSchemaSDL());
process.stdout.write(`Wrote ${target.pathname}\n`);
