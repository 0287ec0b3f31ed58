/**
 * A same-site path to continue to, or "/": never an open redirect to another site, and never
 * a value the redirect itself would refuse. Browsers read a backslash as a slash (so
 * "/\evil.example" would leave the site) and control characters (CR, LF, NUL…) cannot be put
 * in a Location header.
 */
export function safePath(path: string | null | undefined): string {
	if (!path || !path.startsWith('/') || path.startsWith('//')) return '/';
	// eslint-disable-next-line no-control-regex
	if (/[\\\u0000-\u001f\u007f]/.test(path)) return '/';
	return path;
}
