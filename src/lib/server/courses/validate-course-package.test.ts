import { describe, expect, it } from 'vitest';
import { loadCoursePackage, type RawPackage } from './load-course-package.ts';
import { validateCoursePackage } from './validate-course-package.ts';

const fresh = (): RawPackage => structuredClone(loadCoursePackage('recovery-oriented-practice'));
type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const session = (raw: RawPackage, i = 0) => raw.sessions[i].structure as Any;
const text = (raw: RawPackage, locale: string, i = 0) => raw.sessions[i].text[locale] as Any;

describe('the Recovery-Oriented Practice package', () => {
	it('is valid: four sessions of exactly 180 minutes in en, cs and uk', () => {
		const v = validateCoursePackage(fresh());
		expect(v.errors).toEqual([]);
		expect(v.pkg?.sessions).toHaveLength(4);
		expect(v.report).toHaveLength(12);
		for (const r of v.report) expect(r.minutes).toBe(180);
		expect(new Set(v.report.map((r) => r.locale))).toEqual(new Set(['en', 'cs', 'uk']));
	});
});

describe('validateCoursePackage rejects', () => {
	it('an agenda that does not add up to 180 minutes', () => {
		const raw = fresh();
		session(raw).blocks[0].minutes += 5;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(/adds up to 185 minutes, not 180/);
	});
	it('a sharing activity without the pass option', () => {
		const raw = fresh();
		const b = session(raw).blocks.find((x: Any) => x.activity);
		b.activity.passable = false;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(/must be passable/);
	});
	it('a breakout block without time to brief, open and close the rooms', () => {
		const raw = fresh();
		const pairs = session(raw).blocks.find((x: Any) => x.activity?.type === 'breakout');
		pairs.activity.minutes = pairs.minutes - 1;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/block "strengths-pairs": the block leaves 1 minutes around its 17-minute breakout; it needs 6/
		);
	});
	it('an interactive block without an activity definition', () => {
		const raw = fresh();
		const b = session(raw).blocks.find((x: Any) => x.kind === 'closing-round');
		delete b.activity;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/is closing-round but has no activity definition/
		);
	});
	it('a block without a complete facilitator guide', () => {
		const raw = fresh();
		const first = session(raw).blocks[0].id;
		delete text(raw, 'uk').blocks[first].facilitator.disclosure;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/uk\.yaml: blocks\..*facilitator\.disclosure/
		);
		const raw2 = fresh();
		delete text(raw2, 'en').blocks[first].facilitator;
		expect(validateCoursePackage(raw2).errors.join('\n')).toMatch(/facilitator/);
	});
	it('a stigmatising term, in any locale', () => {
		for (const [locale, phrase] of [
			['en', 'Many of the mentally ill recover.'],
			['cs', 'Každý, kdo trpí úzkostí, …'],
			['uk', 'Людина, яка страждає на депресію, …']
		]) {
			const raw = fresh();
			const first = session(raw).blocks[0].id;
			text(raw, locale).blocks[first].participant += `\n\n${phrase}`;
			expect(validateCoursePackage(raw).errors.join('\n')).toMatch(/stigmatising term/);
		}
	});
	it('stigmatising terms in their inflected Czech and Ukrainian forms', () => {
		for (const [locale, phrase, form] of [
			['cs', 'Podpora pro duševně nemocného souseda.', 'duševně nemocného'],
			['cs', 'Skupina, kam chodí narkomani.', 'narkomani'],
			['cs', 'Práce s duševně\nnemocnými lidmi.', 'duševně\nnemocnými'],
			['uk', 'Послуги для психічно хворих людей.', 'психічно хворих'],
			['uk', 'Група, куди ходять наркомани.', 'наркомани'],
			['en', 'The man who committed suicide.', 'committed suicide']
		]) {
			const raw = fresh();
			const first = session(raw).blocks[0].id;
			text(raw, locale).blocks[first].participant += `\n\n${phrase}`;
			const errors = validateCoursePackage(raw).errors;
			expect(errors).toHaveLength(1);
			expect(errors[0]).toContain(`blocks.${first}.participant: stigmatising term "${form}"`);
		}
	});
	it('no stigmatising term in harmless words that share a beginning', () => {
		for (const [locale, phrase] of [
			['cs', 'Trpělivost je silná stránka. Psychotická zkušenost se dá popsat bez nálepek.'],
			['uk', 'Психопатологія — розділ медицини. Це нормально, що люди втомлюються.']
		]) {
			const raw = fresh();
			const first = session(raw).blocks[0].id;
			text(raw, locale).blocks[first].participant += `\n\n${phrase}`;
			expect(validateCoursePackage(raw).errors).toEqual([]);
		}
	});
	it("a block that asks about people's own lives without a content note, on any day", () => {
		const raw = fresh();
		const b = session(raw, 3).blocks.find((x: Any) => x.kind === 'closing-round');
		b.contentNote = false;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/4-care-approach\/session\.yaml: block ".*" is closing-round, which asks about people's own lives: it needs contentNote: true/
		);
	});
	it('a translation marked reviewed without its reviewer and date', () => {
		const raw = fresh();
		text(raw, 'cs').translation.status = 'reviewed';
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/1-recovery\/cs\.yaml: translation a reviewed translation names its reviewer/
		);
		text(raw, 'cs').translation.reviewedBy = 'Jana Nováková';
		text(raw, 'cs').translation.reviewedOn = '2026-03-01';
		expect(validateCoursePackage(raw).errors).toEqual([]);
	});
	it('a glossary term rendered otherwise in a translation', () => {
		const raw = fresh();
		const peerRoles = text(raw, 'cs', 2).blocks['peer-roles'];
		peerRoles.title = peerRoles.title.replace(
			'odbornost z vlastní zkušenosti',
			'zkušenostní expertíza'
		);
		const errors = validateCoursePackage(raw).errors;
		expect(errors).toEqual([
			'sessions/3-experiential-knowledge/cs.yaml: blocks.peer-roles.title: glossary term "experiential-expertise" is rendered otherwise — the glossary says "odbornost z vlastní zkušenosti"',
			'sessions/3-experiential-knowledge/cs.yaml: blocks.peer-roles.title: "expertíza" is not the glossary rendering of "experiential-expertise" — use "odbornost z vlastní zkušenosti"'
		]);
	});
	it('a rendering the glossary rules out, in any inflected form', () => {
		const raw = fresh();
		const wellbeing = text(raw, 'uk').blocks['recovery-and-wellbeing'];
		wellbeing.activity.prompt = 'Що допомагає вашому добробуту у звичайний день?';
		const errors = validateCoursePackage(raw).errors.join('\n');
		expect(errors).toMatch(
			/1-recovery\/uk\.yaml: blocks\.recovery-and-wellbeing\.activity\.prompt: glossary term "wellbeing" is rendered otherwise/
		);
		expect(errors).toMatch(/"добробуту" is not the glossary rendering of "wellbeing"/);
	});
	it('a claim marked unverified in one language but not in the others', () => {
		const raw = fresh();
		const walk = text(raw, 'cs', 3).blocks['walk-the-steps'];
		walk.participant = walk.participant.replace(' (neověřeno)', '');
		text(raw, 'en', 1).blocks['recovery-in-community'].participant +=
			'\n\nSome say a garden heals (unverified).';
		expect(validateCoursePackage(raw).errors).toEqual([
			'sessions/2-community/cs.yaml: blocks.recovery-in-community.participant: 0 claim(s) marked (neověřeno), the source marks 1 (unverified)',
			'sessions/2-community/uk.yaml: blocks.recovery-in-community.participant: 0 claim(s) marked (не перевірено), the source marks 1 (unverified)',
			'sessions/4-care-approach/cs.yaml: blocks.walk-the-steps.participant: 0 claim(s) marked (neověřeno), the source marks 1 (unverified)'
		]);
	});
	it('a glossary term without a rendering for every translation', () => {
		const raw = fresh();
		const terms = (raw.glossary as Any).terms;
		delete terms.find((t: Any) => t.id === 'presence').uk;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/glossary\.yaml: term "presence" has no uk rendering/
		);
	});
	it('a block with a content note flag but no note, and a missing agreements block on day 1', () => {
		const raw = fresh();
		const b = session(raw).blocks.find((x: Any) => x.contentNote);
		delete text(raw, 'en').blocks[b.id].contentNote;
		session(raw).blocks = session(raw).blocks.map((x: Any) =>
			x.kind === 'agreements' ? { ...x, kind: 'input' } : x
		);
		const errors = validateCoursePackage(raw).errors.join('\n');
		expect(errors).toMatch(/has no contentNote text/);
		expect(errors).toMatch(/must open with the session agreements/);
	});
	it('reports a translation as outdated when the English source changed', () => {
		const raw = fresh();
		raw.sourceHashes['2-community'] = 'changed00000';
		const v = validateCoursePackage(raw);
		expect(v.errors).toEqual([]);
		expect(v.warnings.join('\n')).toMatch(/2-community\/cs\.yaml: outdated translation/);
		expect(v.report.find((r) => r.session === '2-community' && r.locale === 'uk')?.outdated).toBe(
			true
		);
	});
	it('a missing translation file', () => {
		const raw = fresh();
		raw.sessions[3].text.cs = undefined;
		raw.readErrors.push(
			'missing file content/courses/recovery-oriented-practice/sessions/4-care-approach/cs.yaml'
		);
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(/missing file .*cs\.yaml/);
	});
});

describe('the facilitator pack in the package', () => {
	const byId = (raw: RawPackage, i: number, id: string) =>
		session(raw, i).blocks.find((b: Any) => b.id === id);
	it('refuses a visual label missing in a translation', () => {
		const raw = fresh();
		delete text(raw, 'uk', 0).visuals.chime.labels.hope;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/1-recovery\/uk\.yaml: visual "chime" has no label "hope"/
		);
	});
	it('refuses a block that shows a drawing the package does not have', () => {
		const raw = fresh();
		byId(raw, 0, 'processes-in-recovery').visual = 'chimes';
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/block "processes-in-recovery": visual "chimes" has no file visuals\/chimes\.svg/
		);
	});
	it('refuses an unsafe drawing', () => {
		const raw = fresh();
		raw.sessions[3].visuals['six-steps'] += '<script>alert(1)</script>';
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/4-care-approach\/visuals\/six-steps\.svg contains a <script> element/
		);
	});
	it('refuses a block without a lead for the run sheet', () => {
		const raw = fresh();
		delete byId(raw, 1, 'welcome-back').lead;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/block "welcome-back" has no lead \(first, second or both\)/
		);
	});
	it('refuses a case the block opens but a translation lacks, and missing key ideas', () => {
		const raw = fresh();
		delete text(raw, 'cs', 3).cases.mira;
		delete text(raw, 'uk', 2).keyIdeas;
		const errors = validateCoursePackage(raw).errors.join('\n');
		expect(errors).toMatch(/4-care-approach\/cs\.yaml: block "meet-mira" opens case "mira"/);
		expect(errors).toMatch(/3-experiential-knowledge\/uk\.yaml: keyIdeas is missing/);
	});
	it('refuses a course text without the mixed-groups guidance', () => {
		const raw = fresh();
		delete (raw.courseText.cs as Any).mixedGroups;
		expect(validateCoursePackage(raw).errors.join('\n')).toMatch(
			/course\.cs\.yaml: mixedGroups is missing/
		);
	});
});
