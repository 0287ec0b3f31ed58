// The live room's only script, kept small for slow phones (the page works without it).
// It follows the session's event stream and, on news, fetches the page again and swaps the
// live panel in, keeping what the person is typing; runs timers; and, on request, embeds the
// Jitsi room through Jitsi's IFrame API. No framework: a first visit stays a few kilobytes.
(function () {
	'use strict';
	var panel = document.getElementById('live-panel');
	if (!panel || !window.EventSource || !window.fetch || !window.DOMParser) return;
	var sessionId = panel.getAttribute('data-session');
	var status = document.getElementById('live-connection');

	function say(text) {
		if (status && status.textContent !== text) status.textContent = text;
	}

	// ---- timers: the server renders the end time; here it becomes a countdown ----
	function tick() {
		var timers = document.querySelectorAll('[data-ends-at]');
		for (var i = 0; i < timers.length; i++) {
			var t = timers[i];
			var left = Math.max(
				0,
				Math.round((Date.parse(t.getAttribute('data-ends-at')) - Date.now()) / 1000)
			);
			var clock = t.querySelector('.clock');
			if (clock) {
				clock.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
			}
			// Screen readers hear the minute marks only, not every second.
			var minutes = t.querySelector('[data-minutes-template]');
			var text =
				minutes &&
				minutes.getAttribute('data-minutes-template').replace('{m}', String(Math.ceil(left / 60)));
			if (minutes && minutes.textContent !== text) minutes.textContent = text;
			// Filled, not unhidden: a status region announces new text reliably.
			var soon = t.querySelector('[data-soon]');
			var soonText = left > 0 && left <= 60 ? soon && soon.getAttribute('data-soon') : '';
			if (soon && soon.textContent.trim() !== soonText) soon.textContent = soonText;
		}
	}
	setInterval(tick, 1000);
	tick();

	// ---- refreshing the panel without losing what someone is typing ----
	function keepKey(el) {
		var k = el && el.querySelector('[data-keep]');
		return k ? k.getAttribute('data-keep') : null;
	}

	function swap(html) {
		var doc = new DOMParser().parseFromString(html, 'text/html');
		var next = doc.getElementById('live-panel');
		if (!next) return;
		var active = document.activeElement;
		var activeId = active && panel.contains(active) ? active.id : '';
		var keep = panel.querySelector('[data-keep]');
		var key = keepKey(panel);
		var selStart = active && 'selectionStart' in active ? active.selectionStart : null;
		// The same activity form in the new page: keep the old one, with its typed text.
		if (key && key === keepKey(next)) {
			var fresh = next.querySelector('[data-keep]');
			fresh.parentNode.replaceChild(document.adoptNode(keep), fresh);
		}
		var open = {};
		var details = panel.querySelectorAll('details[id]');
		for (var i = 0; i < details.length; i++) open[details[i].id] = details[i].open;
		var incoming = document.adoptNode(next);
		var nd = incoming.querySelectorAll('details[id]');
		for (var j = 0; j < nd.length; j++) if (nd[j].id in open) nd[j].open = open[nd[j].id];
		panel.replaceWith(incoming);
		panel = incoming;
		if (keep && keep.contains(active)) {
			active.focus();
			if (selStart !== null && active.setSelectionRange) {
				active.setSelectionRange(selStart, selStart);
			}
		} else if (activeId) {
			var refocus = document.getElementById(activeId);
			if (refocus) refocus.focus();
		}
		tick();
	}

	var pending = false;
	var again = false;
	var retryIn = 2000;
	function settle() {
		pending = false;
		// News that came while the page was being fetched may not be in it: fetch once more.
		if (again) {
			again = false;
			refresh();
		}
	}
	function refresh() {
		if (pending) {
			again = true;
			return;
		}
		pending = true;
		// Bursts (a dozen answers revealed at once) become one request.
		setTimeout(function () {
			fetch(location.pathname, { credentials: 'same-origin', headers: { accept: 'text/html' } })
				.then(function (r) {
					if (!r.ok) throw new Error(String(r.status));
					return r.text();
				})
				.then(function (html) {
					retryIn = 2000;
					if (es.readyState === 1) say('');
					swap(html);
					settle();
				})
				.catch(function () {
					// The news arrived but the page could not be fetched (the line dropped just
					// then): try again until it works, so nothing stays out of date.
					pending = false;
					again = false;
					if (status) say(status.getAttribute('data-offline'));
					setTimeout(refresh, retryIn);
					retryIn = Math.min(retryIn * 2, 15000);
				});
		}, 150);
	}
	window.addEventListener('online', refresh);

	var last = panel.getAttribute('data-last-event') || '0';
	var es = new EventSource(
		'/live/' + sessionId + '/events?lastEventId=' + encodeURIComponent(last)
	);
	['state', 'results', 'moment-ack', 'hidden'].forEach(function (kind) {
		es.addEventListener(kind, refresh);
	});
	// EventSource reconnects by itself and sends Last-Event-ID: nothing missed is lost.
	es.onopen = function () {
		say('');
	};
	es.onerror = function () {
		if (status) say(status.getAttribute('data-offline'));
	};

	// ---- the Jitsi room inside the page, only when asked for ----
	var video = document.getElementById('video-embed');
	var show = document.getElementById('video-embed-button');
	if (video && show) {
		video.parentNode.hidden = false;
		show.addEventListener('click', function () {
			show.disabled = true;
			var s = document.createElement('script');
			s.src = video.getAttribute('data-api');
			s.onload = function () {
				var audioFirst = video.getAttribute('data-audio-first') === '1';
				var api = new window.JitsiMeetExternalAPI(video.getAttribute('data-domain'), {
					roomName: video.getAttribute('data-room'),
					jwt: video.getAttribute('data-jwt') || undefined,
					parentNode: video,
					width: '100%',
					height: 480,
					lang: document.documentElement.lang,
					userInfo: { displayName: video.getAttribute('data-name') },
					configOverwrite: {
						startAudioOnly: audioFirst,
						startWithVideoMuted: audioFirst,
						disableDeepLinking: true,
						prejoinConfig: { enabled: true }
					}
				});
				var frame = api.getIFrame && api.getIFrame();
				if (frame) frame.title = video.getAttribute('data-title');
				show.hidden = true;
			};
			s.onerror = function () {
				show.disabled = false;
				say(video.getAttribute('data-failed'));
			};
			document.head.appendChild(s);
		});
	}
})();
