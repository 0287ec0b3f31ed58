import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { importCourseVersion } from './import-course-version.ts';
import { loadCoursePackage } from './load-course-package.ts';
import { validateCoursePackage, type CoursePackage } from './validate-course-package.ts';
import { visualFor } from './course-visuals.ts';
import { caseSheet } from './course-cases.ts';
import { handoutOf } from '../handouts/handout.ts';
import { runSheet } from '../schedule/run-sheet.ts';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

/** The package as it was before the facilitator pack: no drawings, cases, lists, leads or key ideas. */
function before(pkg: CoursePackage): CoursePackage {
	const old = structuredClone(pkg);
	for (const s of old.sessions) {
		delete s.visuals;
		for (const b of s.structure.blocks) {
			delete b.lead;
			delete b.visual;
			delete b.case;
		}
		for (const t of Object.values(s.text)) {
			delete t.visuals;
			delete t.cases;
			delete t.lists;
			delete t.keyIdeas;
		}
	}
	for (const t of Object.values(old.text)) delete t.mixedGroups;
	return old;
}

describe('the facilitator pack is a new course version', () => {
	it('a cohort pinned to the version before it keeps that version, and its pages degrade to nothing', async () => {
		const pkg = validateCoursePackage(loadCoursePackage('recovery-oriented-practice')).pkg!;
		const v1 = await importCourseVersion(h.db, before(pkg));
		const v2 = await importCourseVersion(h.db, pkg);
		expect(v1).toMatchObject({ version: 1, created: true });
		expect(v2).toMatchObject({ version: 2, created: true });
		// Importing the same content again creates nothing new.
		expect(await importCourseVersion(h.db, pkg)).toMatchObject({ version: 2, created: false });

		const c = await makeCohort(h.db, { cfg: testConfig(), courseVersionId: v1.id });
		const ctx = (await loadCohortContext(h.db, c.cohort.id))!;
		expect(ctx.version).toBe(1);
		const day4 = ctx.pkg.sessions[3];
		const core = day4.structure.blocks.find((b) => b.id === 'core-acts')!;
		expect(visualFor(day4, day4.text.uk.visuals, core.visual)).toBeNull();
		expect(caseSheet(day4.structure, day4.text.en, 'mira')).toBeNull();
		expect(handoutOf(ctx.pkg, 4, 'cs')!.keyIdeas).toEqual([]);
		const sheet = runSheet({
			blocks: day4.structure.blocks,
			text: day4.text.en,
			startsAt: ctx.sessions[3].startsAt,
			facilitators: [{ name: 'Lead Facilitator', peerTrainer: false }]
		});
		expect(sheet.rows.every((r) => r.lead === null && r.visual === null)).toBe(true);
		expect(sheet.endsAt.getTime() - sheet.startsAt.getTime()).toBe(180 * 60_000);

		// The new version has them.
		const latest = pkg.sessions[3];
		expect(visualFor(latest, latest.text.uk.visuals, 'core-acts')!.svg).toContain(
			'>Налагоджувати</tspan>'
		);
	});
});
