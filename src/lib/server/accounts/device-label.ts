/*
 * "Firefox on Windows": enough of a user agent to tell one's sessions apart, without keeping
 * or showing more of it. Unknown parts come back as null and the page says "unknown".
 */
const BROWSERS: [RegExp, string][] = [
	[/Edg(e|A|iOS)?\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/SamsungBrowser\//, 'Samsung Internet'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/HeadlessChrome\//, 'Chromium'],
	[/Chromium\//, 'Chromium'],
	[/Chrome\/|CriOS\//, 'Chrome'],
	[/Safari\//, 'Safari']
];
const SYSTEMS: [RegExp, string][] = [
	[/iPhone|iPod/, 'iPhone'],
	[/iPad/, 'iPad'],
	[/Android/, 'Android'],
	[/CrOS/, 'ChromeOS'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/Linux/, 'Linux']
];

export function deviceLabel(userAgent: string | null): {
	browser: string | null;
	system: string | null;
} {
	const ua = userAgent ?? '';
	return {
		browser: BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null,
		system: SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null
	};
}
