import { dataOf, type RoomElements } from './room-elements.ts';

type JitsiApi = { getIFrame?: () => HTMLIFrameElement | undefined };
type JitsiWindow = Window & {
	JitsiMeetExternalAPI?: new (domain: string, options: Record<string, unknown>) => JitsiApi;
};

/**
 * Offers the Jitsi room inside the page. Nothing loads from the video server until the
 * person asks: then its IFrame API script (allowed by the page's CSP for that server only)
 * creates the frame. Audio first is read from the panel at that moment, since switching it
 * updates the panel without a page load.
 */
export function offerVideoEmbed(els: RoomElements, say: (text: string) => void) {
	const { video, videoButton: show } = els;
	if (!video || !show) return;
	if (video.parentElement) video.parentElement.hidden = false;
	show.addEventListener('click', () => {
		show.disabled = true;
		const failed = () => {
			show.disabled = false;
			say(dataOf(els, 'video', 'failed'));
		};
		const doc = video.ownerDocument;
		const s = doc.createElement('script');
		s.src = dataOf(els, 'video', 'api');
		s.onload = () => {
			const audioFirst = dataOf(els, 'panel', 'audioFirst') === '1';
			let api: JitsiApi;
			try {
				const Api = (window as JitsiWindow).JitsiMeetExternalAPI!;
				api = new Api(dataOf(els, 'video', 'domain'), {
					roomName: dataOf(els, 'video', 'room'),
					jwt: dataOf(els, 'video', 'jwt') || undefined,
					parentNode: video,
					width: '100%',
					height: 480,
					lang: doc.documentElement.lang,
					userInfo: { displayName: dataOf(els, 'video', 'name') },
					configOverwrite: {
						startAudioOnly: audioFirst,
						startWithVideoMuted: audioFirst,
						disableDeepLinking: true,
						prejoinConfig: { enabled: true }
					}
				});
			} catch {
				return failed();
			}
			const frame = api.getIFrame?.();
			if (frame) {
				frame.title = dataOf(els, 'video', 'title');
				// The button goes away; focus moves to the room rather than to nowhere.
				frame.focus();
			}
			show.hidden = true;
		};
		s.onerror = failed;
		doc.head.appendChild(s);
	});
}
