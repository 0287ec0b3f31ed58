/** Each interface language named in itself, for language pickers. */
export const LANGUAGE_NAMES: Record<string, string> = {
	en: 'English',
	cs: 'Čeština',
	uk: 'Українська'
};
