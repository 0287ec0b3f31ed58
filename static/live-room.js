// The live room's only script, kept small for slow phones (the page works without it).
// It follows the session's event stream and, on news, fetches the page again and patches the
// live panel in place around the form someone is typing in; sends the panel's forms without
// leaving the page (so an embedded video call keeps running); runs timers; and, on request,
// embeds the Jitsi room through Jitsi's IFrame API. No framework: a first visit stays small.
(function () {
	'use strict';
	var panel = document.getElementById('live-panel');
	if (!panel || !window.EventSource || !window.fetch || !window.DOMParser) return;
	var sessionId = panel.getAttribute('data-session');
	var status = document.getElementById('live-connection');

	function say(text) {
		if (status && status.textContent !== text) status.textContent = text;
	}
	function offline() {
		say(status ? status.getAttribute('data-offline') : '');
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

	// ---- patching the panel without disturbing what someone is typing ----
	var FOCUSABLE = 'a[href],button,input,select,textarea,summary';

	function childOnPath(parent, node) {
		while (node && node.parentNode !== parent) node = node.parentNode;
		return node;
	}

	/*
	 * Replaces everything in `oldParent` with what is in `newParent`, except the branch that
	 * holds the kept form: that branch is patched one level down, and the form itself is never
	 * taken out of the page, so focus, the on-screen keyboard and typed text stay as they are.
	 */
	function patch(oldParent, newParent, keepOld, keepNew) {
		var oc = childOnPath(oldParent, keepOld);
		var nc = childOnPath(newParent, keepNew);
		if (!oc || !nc || oc.tagName !== nc.tagName) return false;
		var before = [];
		var after = [];
		var seen = false;
		var kids = Array.prototype.slice.call(newParent.childNodes);
		for (var i = 0; i < kids.length; i++) {
			if (kids[i] === nc) seen = true;
			else (seen ? after : before).push(kids[i]);
		}
		var old = Array.prototype.slice.call(oldParent.childNodes);
		for (var j = 0; j < old.length; j++) if (old[j] !== oc) oldParent.removeChild(old[j]);
		for (var b = 0; b < before.length; b++) {
			oldParent.insertBefore(document.adoptNode(before[b]), oc);
		}
		for (var a = 0; a < after.length; a++) oldParent.appendChild(document.adoptNode(after[a]));
		return oc === keepOld || patch(oc, nc, keepOld, keepNew);
	}

	// What a screen reader should hear when the panel changed by itself.
	var news = document.getElementById('live-news');
	function textOf(selector) {
		var el = panel.querySelector(selector);
		return el ? el.textContent.trim() : '';
	}
	function snapshot() {
		return {
			block: textOf('#h-block'),
			activity: panel.querySelector('[data-keep]') ? textOf('.activity .prompt') || '-' : '',
			results: !!panel.querySelector('[data-results]'),
			group: textOf('#h-breakout'),
			moment: textOf('.moment [role=status]')
		};
	}
	function announce(before) {
		if (!news) return;
		var now = snapshot();
		var text = '';
		if (now.block !== before.block) {
			text = news.getAttribute('data-block').replace('{t}', now.block);
		} else if (now.activity && now.activity !== before.activity) {
			text = news.getAttribute('data-activity').replace('{t}', now.activity);
		} else if (now.group && now.group !== before.group) {
			text = now.group;
		} else if (now.results && !before.results) {
			text = news.getAttribute('data-results');
		} else if (now.moment && now.moment !== before.moment) {
			text = now.moment;
		}
		if (text) news.textContent = text;
	}

	function swap(next, keepForm) {
		var before = snapshot();
		var active = document.activeElement;
		var inPanel = active && active !== document.body && panel.contains(active);
		var focusables = Array.prototype.slice.call(panel.querySelectorAll(FOCUSABLE));
		var focusIndex = inPanel ? focusables.indexOf(active) : -1;
		var open = [];
		var details = panel.querySelectorAll('details');
		for (var i = 0; i < details.length; i++) open.push(details[i].open);
		var keep = panel.querySelector('[data-keep]');
		var fresh = next.querySelector('[data-keep]');
		var kept =
			keepForm &&
			keep &&
			fresh &&
			keep.getAttribute('data-keep') === fresh.getAttribute('data-keep') &&
			patch(panel, next, keep, fresh);
		panel.setAttribute('data-audio-first', next.getAttribute('data-audio-first') || '0');
		if (!kept) {
			panel.replaceChildren.apply(
				panel,
				Array.prototype.slice.call(next.childNodes).map(function (n) {
					return document.adoptNode(n);
				})
			);
		}
		// Open sections (the support lines, the agenda) stay open, by position.
		var nd = panel.querySelectorAll('details');
		for (var j = 0; j < nd.length && j < open.length; j++) nd[j].open = open[j];
		// Focus goes back where it was, unless it is still there (inside the kept form).
		if (inPanel && !panel.contains(active)) {
			var again = focusIndex >= 0 && panel.querySelectorAll(FOCUSABLE)[focusIndex];
			if (again) again.focus();
		}
		announce(before);
		tick();
	}

	// Responses can arrive out of order (a refresh sent before an answer, back after it): only
	// a response to a request sent later than the one shown may replace it.
	var sent = 0;
	var shown = 0;
	function newer(n) {
		if (n < shown) return false;
		shown = n;
		return true;
	}

	function panelOf(html) {
		return new DOMParser().parseFromString(html, 'text/html').getElementById('live-panel');
	}

	// A page that is not the live room (signed out, place withdrawn): show it for real.
	function leave() {
		location.reload();
	}

	var pending = false;
	var again = false;
	var retryTimer = 0;
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
		if (pending || retryTimer) {
			again = true;
			return;
		}
		pending = true;
		// Bursts (a dozen answers revealed at once) become one request.
		setTimeout(function () {
			var n = ++sent;
			fetch(location.pathname + location.search, {
				credentials: 'same-origin',
				headers: { accept: 'text/html' }
			})
				.then(function (r) {
					if (r.status >= 400 && r.status < 500) return leave();
					if (!r.ok) throw new Error(String(r.status));
					return r.text().then(function (html) {
						var next = !r.redirected && panelOf(html);
						if (!next) return leave();
						retryIn = 2000;
						if (es.readyState === 1) say('');
						if (newer(n)) swap(next, true);
						settle();
					});
				})
				.catch(function () {
					// The news arrived but the page could not be fetched (the line dropped just
					// then): one timer tries again, further apart each time, until it works.
					pending = false;
					again = false;
					offline();
					retryTimer = setTimeout(
						function () {
							retryTimer = 0;
							refresh();
						},
						retryIn + Math.random() * 1000
					);
					retryIn = Math.min(retryIn * 2, 30000);
				});
		}, 150);
	}
	window.addEventListener('online', function () {
		if (retryTimer) {
			clearTimeout(retryTimer);
			retryTimer = 0;
		}
		refresh();
	});

	// ---- the event stream ----
	var last = panel.getAttribute('data-last-event') || '0';
	var es;
	var reopenIn = 2000;
	function follow() {
		es = new EventSource('/live/' + sessionId + '/events?lastEventId=' + encodeURIComponent(last));
		['state', 'results', 'moment-ack', 'hidden'].forEach(function (kind) {
			es.addEventListener(kind, function (e) {
				if (e.lastEventId) last = e.lastEventId;
				refresh();
			});
		});
		es.onopen = function () {
			reopenIn = 2000;
			say('');
		};
		// EventSource reconnects by itself and sends Last-Event-ID. It gives up only when the
		// server answers with something else than a stream (a proxy's 502 during a restart):
		// then a new one starts from the last event received, so nothing is missed.
		es.onerror = function () {
			offline();
			if (es.readyState !== 2) return;
			setTimeout(
				function () {
					follow();
					refresh();
				},
				reopenIn + Math.random() * 1000
			);
			reopenIn = Math.min(reopenIn * 2, 30000);
		};
	}
	follow();

	// ---- the panel's forms are sent without leaving the page (an embedded call keeps running) ----
	document.addEventListener('submit', function (e) {
		var form = e.target;
		if (!panel.contains(form) || form.target || form.method.toLowerCase() !== 'post') return;
		e.preventDefault();
		var submitter = e.submitter;
		var body = new FormData(form);
		if (submitter && submitter.name) body.append(submitter.name, submitter.value);
		var buttons = form.querySelectorAll('button');
		for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
		var n = ++sent;
		fetch(form.action, {
			method: 'POST',
			body: body,
			credentials: 'same-origin',
			headers: { accept: 'text/html' }
		})
			.then(function (r) {
				return r.text().then(function (html) {
					var next = panelOf(html);
					if (!next) return leave();
					if (r.redirected) history.replaceState(null, '', r.url);
					// The form that was sent is replaced (its thanks or its messages show); a form
					// someone is typing in elsewhere in the panel is kept.
					if (newer(n)) swap(next, !form.hasAttribute('data-keep'));
				});
			})
			.catch(function () {
				for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
				offline();
			});
	});

	// ---- the Jitsi room inside the page, only when asked for ----
	var video = document.getElementById('video-embed');
	var show = document.getElementById('video-embed-button');
	if (video && show) {
		video.parentNode.hidden = false;
		show.addEventListener('click', function () {
			show.disabled = true;
			var failed = function () {
				show.disabled = false;
				say(video.getAttribute('data-failed'));
			};
			var s = document.createElement('script');
			s.src = video.getAttribute('data-api');
			s.onload = function () {
				// Read from the panel: switching audio first updates it without a page load.
				var audioFirst = panel.getAttribute('data-audio-first') === '1';
				try {
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
				} catch {
					return failed();
				}
				var frame = api.getIFrame && api.getIFrame();
				if (frame) {
					frame.title = video.getAttribute('data-title');
					// The button goes away; focus moves to the room rather than to nowhere.
					frame.focus();
				}
				show.hidden = true;
			};
			s.onerror = failed;
			document.head.appendChild(s);
		});
	}
})();
