// `npm run privacy:docs`: writes docs/personal-data.md from the inventory in code (ADR 026).
import { writeFileSync } from 'node:fs';
import { renderPersonalDataDoc } from '../src/lib/server/privacy/render-personal-data-doc.ts';

writeFileSync('docs/personal-data.md', renderPersonalDataDoc());
console.log('privacy:docs: wrote docs/personal-data.md');
