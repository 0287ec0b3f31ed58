/*
 * PostgreSQL cannot store the NUL character in text, so a form field or JSON string holding
 * one would fail deep in a query (a 500). Requests carrying one are refused here, once, for
 * every form and endpoint, before any route sees them.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** True when the request's body (a form or JSON) contains a NUL character. */
export async function carriesNul(request: Request): Promise<boolean> {
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) || !request.body) return false;
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
	const json = type === 'application/json' || type.endsWith('+json');
	if (!json && !FORM_TYPES.includes(type)) return false;
	const text = await request.clone().text();
	if (text.includes('\u0000')) return true;
	if (json) return /\\u0000/i.test(text);
	if (type === 'application/x-www-form-urlencoded') return /%00/.test(text);
	return false;
}
