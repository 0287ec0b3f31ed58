import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import type { RequestEvent } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { extractLocaleFromRequest } from '#lib/paraglide/runtime.js';
import { withLocale } from '#lib/server/i18n/with-locale.ts';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { bootstrap } from '#lib/server/bootstrap/bootstrap.ts';
import { closeDb, getDbHandle } from '#lib/server/db/index.ts';
import { startBackgroundJobs } from '#lib/server/jobs/background-jobs.ts';
import { stopLiveHub } from '#lib/server/live/live-hub.ts';
import { closeTransports } from '#lib/server/notifications/deliver-emails.ts';
import { log } from '#lib/server/log.ts';
import { isDbUnavailable, isDiskFull } from '#lib/server/db/db-errors.ts';
import { diskFull, noteDiskFull } from '#lib/server/ops/disk-full.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { listRoles } from '#lib/server/accounts/users.queries.ts';
import { asLocale } from '#lib/server/i18n/locale.ts';
import { allowVideoServer, VIDEO_ORIGIN_HEADER } from '#lib/server/security/csp.ts';
import { carriesNul } from '#lib/server/security/input-guard.ts';
import { checkSession } from '#lib/server/accounts/check-session.ts';
import { staffSecondFactorMissing } from '#lib/server/organisations/staff-second-factor.ts';

export const init: ServerInit = async () => {
	const t0 = performance.now();
	const ctx = await appContext();
	const t1 = performance.now();
	const result = await bootstrap(ctx);
	const t2 = performance.now();
	(globalThis as Record<string, unknown>).trellisStartInfo = { db: ctx.kind, ...result };
	log.info({ databaseMs: Math.round(t1 - t0), bootstrapMs: Math.round(t2 - t1) }, 'ready to serve');
	// The job queue (pg-boss checks its schema and queues: a few hundred ms) is not needed to
	// serve pages, so it starts beside the first requests instead of delaying them.
	const jobs = startBackgroundJobs(await getDbHandle(), ctx).catch((e) => {
		log.error({ err: String(e) }, 'the job queue did not start; reminders are not sent');
		return undefined;
	});
	process.once('sveltekit:shutdown' as never, () => {
		(globalThis as Record<string, unknown>).trellisShutdownDone = (async () => {
			await (
				await jobs
			)
				?.stop()
				.catch((e) => log.error({ err: String(e) }, 'stopping jobs failed'));
			await stopLiveHub();
			closeTransports();
			await closeDb();
		})();
	});
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/*
 * Cross-site form posts are refused here rather than by Kit's built-in check, because the
 * origin is only known at run time (APP_ORIGIN or HOST/PORT) while Kit fixes it at build.
 */
const originGuard: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (UNSAFE.has(request.method)) {
		const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
		if (FORM_TYPES.includes(type)) {
			const origin = request.headers.get('origin');
			const { cfg } = await appContext();
			if (origin !== cfg.origin && origin !== url.origin) {
				return new Response(m.error_csrf(), {
					status: 403,
					headers: { 'content-type': 'text/plain; charset=utf-8' }
				});
			}
		}
	}
	return resolve(event);
};

/* After i18n, so the refusal is in the person's language. */
const inputGuard: Handle = async ({ event, resolve }) => {
	if (await carriesNul(event.request)) {
		return sentenceResponse(event, 400, m.error_nul_character());
	}
	return resolve(event);
};

/*
 * The locale comes from the cookie or Accept-Language, never the URL (Paraglide's strategy),
 * so the request is unchanged. Paraglide's own middleware would also clone every request,
 * body included, for URL rewriting this app does not use: in the live room's answer bursts
 * that copy was garbage made and collected 1,800 times in 5 seconds (issue #13).
 */
const i18n: Handle = ({ event, resolve }) => {
	const locale = asLocale(extractLocaleFromRequest(event.request));
	event.locals.locale = locale;
	return withLocale(
		locale,
		() =>
			resolve(event, {
				transformPageChunk: ({ html }) => html.replace('%trellis.lang%', locale)
			}),
		event.url.origin
	);
};

/* What a signed-in person without any role in the organisation may still open. */
const ROLELESS =
	/^\/(profile|language|sign-in|sign-out|signed-in|forgot-password|reset-password|invitations|join|privacy|api\/auth)(\/|$)/;

/*
 * What an admin or facilitator who still has to set up a second factor may open: the setup
 * page, signing out, the language switch and the auth endpoints the setup page calls.
 */
const SETUP_ALLOWED = /^\/(profile\/security|sign-out|language|api\/auth)(\/|$)/;
const SECOND_FACTOR_SETUP = '/profile/security';

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.roles = { admin: false, facilitator: false, participant: false, peerTrainer: false };
	event.locals.sessionId = null;
	event.locals.secondFactorMissing = false;
	if (event.url.pathname === '/healthz' || event.url.pathname.startsWith('/_app/')) {
		return resolve(event);
	}
	const { auth, db, cfg } = await appContext();
	const org = await currentOrganisation(db);
	let s = await auth.api.getSession({ headers: event.request.headers });
	const roles = s ? await listRoles(db, org.id, s.user.id) : [];
	if (s) {
		const staff = roles.some((r) => r.role === 'admin' || r.role === 'facilitator');
		const checked = await checkSession(db, {
			session: {
				id: s.session.id,
				userId: s.user.id,
				createdAt: new Date(s.session.createdAt),
				updatedAt: new Date(s.session.updatedAt),
				lastActiveAt: (s.session as { lastActiveAt?: Date | null }).lastActiveAt ?? null
			},
			staff,
			now: new Date()
		});
		// An ended session reads as signed out; its cookie is cleared by the next sign-in or out.
		if (!checked.ok) s = null;
	}
	if (s) {
		const u = s.user as typeof s.user & {
			locale?: string;
			timeZone?: string;
			pronouns?: string;
			country?: string;
		};
		event.locals.user = {
			id: u.id,
			name: u.name,
			email: u.email,
			locale: u.locale ?? 'en',
			timeZone: u.timeZone ?? 'UTC',
			pronouns: u.pronouns ?? null,
			country: u.country ?? null
		};
		event.locals.sessionId = s.session.id;
		for (const r of roles) {
			event.locals.roles[r.role] = true;
			if (r.peerTrainer) event.locals.roles.peerTrainer = true;
		}
		const { admin, facilitator, participant } = event.locals.roles;
		if (!admin && !facilitator && !participant && !ROLELESS.test(event.url.pathname)) {
			// Someone whose last role was removed keeps an account and sees only their profile.
			return new Response(null, { status: 303, headers: { location: '/profile' } });
		}
		if (
			(admin || facilitator) &&
			(await staffSecondFactorMissing(db, cfg, {
				organisationId: org.id,
				userId: u.id,
				twoFactorEnabled: !!(u as { twoFactorEnabled?: boolean | null }).twoFactorEnabled
			}))
		) {
			event.locals.secondFactorMissing = true;
			if (!SETUP_ALLOWED.test(event.url.pathname)) {
				return new Response(null, {
					status: 303,
					headers: { location: SECOND_FACTOR_SETUP }
				});
			}
		}
	}
	/*
	 * Auth endpoints by path, whichever spelling of the origin the request used: the library's
	 * own helper insists on APP_ORIGIN's, but a loopback origin's passkeys are used from
	 * "localhost" (auth.ts). The library still checks the origin of every change.
	 */
	if (!building && event.url.pathname.startsWith('/api/auth/')) return auth.handler(event.request);
	return resolve(event);
};

/**
 * An answer with one sentence in the person's language, as JSON for API callers and as
 * plain text otherwise (a page without its layout, but readable without JavaScript).
 */
function sentenceResponse(
	event: RequestEvent,
	status: number,
	message: string,
	headers: Record<string, string> = {}
) {
	const json =
		(event.request.headers.get('accept') ?? '').includes('json') ||
		(event.request.headers.get('content-type') ?? '').includes('json') ||
		event.url.pathname.startsWith('/api/');
	return json
		? Response.json({ message }, { status, headers })
		: new Response(message, {
				status,
				headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
			});
}

/** 503 with a hint when to come back. */
function unavailableResponse(event: RequestEvent, why: 'disk-full' | 'database') {
	const message = why === 'disk-full' ? m.error_disk_full() : m.error_db_unavailable();
	return sentenceResponse(event, 503, message, {
		'retry-after': why === 'disk-full' ? '120' : '10'
	});
}

/*
 * While the database's disk is (nearly) full, changes are refused before they reach the
 * database: a PostgreSQL that cannot write its log stops, which would take the reading pages
 * down too. Reading goes on.
 */
const diskGuard: Handle = async ({ event, resolve }) => {
	if (UNSAFE.has(event.request.method) && diskFull()) {
		return unavailableResponse(event, 'disk-full');
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		// Thrown past the routes (e.g. by the auth library's endpoints): answered here.
		const why = isDiskFull(e) ? 'disk-full' : isDbUnavailable(e) ? 'database' : undefined;
		if (!why) throw e;
		if (why === 'disk-full') noteDiskFull();
		response = unavailableResponse(event, why);
	}
	if (event.locals.unavailable && response.status >= 500) {
		// Not the app's fault and not permanent: 503 with a hint when to come back.
		response = new Response(response.body, { status: 503, headers: response.headers });
		response.headers.set('retry-after', '120');
	}
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	const video = response.headers.get(VIDEO_ORIGIN_HEADER);
	if (video) {
		response.headers.delete(VIDEO_ORIGIN_HEADER);
		const csp = response.headers.get('content-security-policy');
		if (csp) response.headers.set('content-security-policy', allowVideoServer(csp, video));
	}
	// The live room widens this for its configured video server only; everywhere else, nothing.
	if (!response.headers.has('permissions-policy')) {
		response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	}
	if (!response.headers.has('cache-control') && event.locals.user) {
		response.headers.set('cache-control', 'private, no-store');
	}
	return response;
};

export const handle = sequence(securityHeaders, originGuard, i18n, inputGuard, diskGuard, session);

export const handleError: HandleServerError = (caught) => {
	if (caught.kind === 'unknown' && isDiskFull(caught.error)) {
		noteDiskFull();
		caught.event.locals.unavailable = 'disk-full';
		return { message: m.error_disk_full() };
	}
	if (caught.kind === 'unknown' && isDbUnavailable(caught.error)) {
		log.warn({ path: caught.event.url.pathname }, 'the database is not answering');
		caught.event.locals.unavailable = 'database';
		return { message: m.error_db_unavailable() };
	}
	if (caught.kind === 'unknown') {
		log.error({ err: caught.error, path: caught.event.url.pathname }, 'unhandled error');
		return { message: m.error_generic() };
	}
	if (caught.kind === 'framework' && caught.error.status === 404) {
		return { message: m.error_not_found() };
	}
};
