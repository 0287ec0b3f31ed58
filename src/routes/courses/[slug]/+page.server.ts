import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { loadCourse, md } from '#lib/server/courses/course-view.ts';
import { crisisPanelHere } from '#lib/server/safety/crisis-panel.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const { db } = await appContext();
	const c = await loadCourse(db, params.slug, locals.locale);
	if (!c) error(404, m.error_not_found());
	const t = c.pkg.text[c.locale];
	if (!locals.user) setHeaders({ 'cache-control': 'public, max-age=300' });
	return {
		crisis: await crisisPanelHere(db, locals.locale, locals.user),
		slug: params.slug,
		lang: c.locale,
		version: c.version,
		title: t.title,
		subtitle: t.subtitle,
		summaryHtml: md(t.summary),
		overallGoal: t.overallGoal,
		aims: t.aims,
		targetGroup: t.targetGroup,
		format: t.format,
		capacity: c.pkg.course.capacity,
		sessions: c.pkg.sessions.map((s, i) => ({
			number: s.structure.number,
			title: (s.text[c.locale] ?? s.text[c.pkg.course.sourceLocale]).title,
			topic: t.topics[i]
		})),
		literature: c.pkg.course.literature
	};
};
