/** A same-site path to continue to, or "/": never an open redirect to another site. */
export function safePath(path: string | null | undefined): string {
	return path && path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
