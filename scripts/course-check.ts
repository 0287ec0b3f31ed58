// `npm run course:check [slug]`: validates a course package and prints, per session and
// locale, the agenda minutes, the number of activities and the words of participant and
// facilitator text. Exits non-zero on any error.
import { loadCoursePackage } from '../src/lib/server/courses/load-course-package.ts';
import { validateCoursePackage } from '../src/lib/server/courses/validate-course-package.ts';

const slug = process.argv[2] ?? 'recovery-oriented-practice';
const v = validateCoursePackage(loadCoursePackage(slug));
const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`${slug}\n`);
console.log(
	pad('session', 28) +
		pad('locale', 8) +
		pad('minutes', 9) +
		pad('activities', 12) +
		pad('participant words', 19) +
		pad('facilitator words', 19) +
		'translation'
);
for (const r of v.report) {
	console.log(
		pad(r.session, 28) +
			pad(r.locale, 8) +
			pad(r.minutes, 9) +
			pad(r.activities, 12) +
			pad(r.participantWords, 19) +
			pad(r.facilitatorWords, 19) +
			r.translation +
			(r.outdated ? ' (outdated)' : '')
	);
}
for (const w of v.warnings) console.log(`warning: ${w}`);
for (const e of v.errors) console.error(`error: ${e}`);
console.log(`\n${v.errors.length} errors, ${v.warnings.length} warnings`);
process.exit(v.errors.length ? 1 : 0);
