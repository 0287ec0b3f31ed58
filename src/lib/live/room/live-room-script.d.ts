/* Provided by scripts/live-room-script.ts (the Vite plugin that builds the live room's script). */
declare module 'virtual:live-room-script' {
	/** The script's URL, with a version that changes whenever its code does. */
	export const src: string;
}
