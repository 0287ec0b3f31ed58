/*
 * For the room script's tests (happy-dom): an EventSource that the test drives. `last` is the
 * one the script opened most recently; `emit` plays a frame as the server would send it.
 */
type Listener = (e: MessageEvent<string>) => void;

export class FakeEventSource {
	static last: FakeEventSource;
	readyState = 1;
	onopen: (() => void) | null = null;
	onerror: (() => void) | null = null;
	listeners = new Map<string, Listener>();
	constructor(readonly url: string) {
		FakeEventSource.last = this;
	}
	addEventListener(kind: string, l: Listener) {
		this.listeners.set(kind, l);
	}
	close() {}
	/** A frame with `data` as it is on the wire, and an id when it is an event. */
	emit(kind: string, data: string, id = '') {
		this.listeners.get(kind)?.(new MessageEvent(kind, { data, lastEventId: id }));
	}
	/** A stored event: its id and its payload as JSON. */
	emitEvent(kind: string, id: number, payload: unknown) {
		this.emit(kind, JSON.stringify(payload), String(id));
	}
}
