/* Provided by scripts/page-scripts.ts (the Vite plugin that builds the pages' small scripts). */
declare module 'virtual:page-script/*' {
	/** The script's URL; it changes whenever the script's code does. */
	export const src: string;
}
