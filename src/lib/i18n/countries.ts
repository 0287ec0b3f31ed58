/*
 * Countries by ISO 3166-1 alpha-2 code (and Kosovo, XK), named in the reader's language by
 * Intl. Intl has no list of regions, so the codes are the two-letter pairs it can name, less
 * old codes it maps to current ones (SU, YU…), groupings (EU, UN…) and territories that are
 * not ISO countries (Canary Islands, Ceuta and Melilla…).
 */
const NOT_COUNTRIES = new Set('AC CP CQ DG EA IC TA EU EZ QO UN XA XB ZZ'.split(' '));
let codes: string[] | undefined;

export function countryCodes(): string[] {
	if (codes) return codes;
	const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
	const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
	codes = letters
		.flatMap((a) => letters.map((b) => a + b))
		.filter(
			(c) =>
				!NOT_COUNTRIES.has(c) &&
				names.of(c) !== undefined &&
				Intl.getCanonicalLocales(`und-${c}`)[0] === `und-${c}`
		);
	return codes;
}

export function isCountryCode(code: string): boolean {
	return countryCodes().includes(code);
}

export function countryName(code: string, locale: string): string {
	return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

/** Every country as { code, name }, sorted by its name in `locale`. */
export function countryChoices(locale: string): { code: string; name: string }[] {
	const names = new Intl.DisplayNames([locale], { type: 'region' });
	return countryCodes()
		.map((code) => ({ code, name: names.of(code) ?? code }))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}
