import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { importCoursePackage } from './import-course-package.ts';
import { findLatestVersion } from './course-versions.queries.ts';

const SLUG = 'recovery-oriented-practice';
let h: DbHandle;
let root: string;
beforeAll(async () => {
	h = await createTestDb();
	root = mkdtempSync(join(tmpdir(), 'trellis-content-'));
	cpSync('content', root, { recursive: true });
});
afterAll(async () => {
	await h?.close();
	rmSync(root, { recursive: true, force: true });
});

describe(importCoursePackage.name, () => {
	it('parses the files only when their bytes changed; a new version only when the content did', async () => {
		expect(await importCoursePackage(h.db, SLUG, root)).toEqual({
			status: 'imported',
			version: 1,
			created: true
		});
		expect(await importCoursePackage(h.db, SLUG, root)).toEqual({ status: 'unchanged' });
		// A comment changes the bytes, not the content: looked at again, no new version.
		const course = join(root, 'courses', SLUG, 'course.yaml');
		appendFileSync(course, '\n# a comment\n');
		expect(await importCoursePackage(h.db, SLUG, root)).toEqual({
			status: 'imported',
			version: 1,
			created: false
		});
		expect(await importCoursePackage(h.db, SLUG, root)).toEqual({ status: 'unchanged' });
		// A broken file is reported every start and imports nothing.
		writeFileSync(course, 'slug: [unclosed');
		const bad = await importCoursePackage(h.db, SLUG, root);
		expect(bad.status).toBe('invalid');
		expect((await importCoursePackage(h.db, SLUG, root)).status).toBe('invalid');
		expect((await findLatestVersion(h.db, SLUG))!.version).toBe(1);
	});
});
